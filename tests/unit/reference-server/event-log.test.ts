import { expect, test } from 'vitest'
import { EventHub, EventLog, OPERATOR_LOG_CAPACITY } from '../../../src/server/event-hub'
import { eventStream } from '../../../src/server/sse'
import { startVisitor, useReferenceServer, visitorStream } from './harness'

useReferenceServer()

const filled = (capacity: number, count: number) => {
  const log = new EventLog<{ type: string; n: number }>(capacity)
  for (let n = 1; n <= count; n++) log.append({ type: 'tick', n })
  return log
}

test('ids keep growing past the capacity; only the newest entries are kept', () => {
  const log = filled(3, 5)
  expect(log.lastId).toBe(5)
  expect(log.since(2)!.map((e) => e.id)).toEqual([3, 4, 5])
  expect(log.since(5)).toEqual([])
  expect(log.append({ type: 'tick', n: 6 }).id).toBe(6)
})

test('a resume from before the kept entries, or from after the end, cannot be replayed (null)', () => {
  const log = filled(3, 5)
  expect(log.since(1)).toBeNull()
  expect(log.since(0)).toBeNull()
  expect(log.since(6)).toBeNull()
})

test('an unbounded log replays from any id it has reached', () => {
  const log = filled(Number.POSITIVE_INFINITY, 4)
  expect(log.since(0)!.map((e) => e.id)).toEqual([1, 2, 3, 4])
})

test("the operators' log is bounded too: it keeps the newest entries across all conversations", () => {
  const hub = new EventHub()
  for (let n = 0; n <= OPERATOR_LOG_CAPACITY; n++) hub.emitToOperators({ type: 'tick', n } as never)
  expect(hub.operator.since(0)).toBeNull()
  expect(hub.operator.since(1)).toHaveLength(OPERATOR_LOG_CAPACITY)
})

test('many streams on one log all close when it ends, with no listener warning', async () => {
  const log = filled(10, 1)
  const warnings: Error[] = []
  const onWarning = (warning: Error) => warnings.push(warning)
  process.on('warning', onWarning)
  const readers = Array.from({ length: 50 }, () => eventStream(new Request('http://x/events'), log, null).body!.getReader())
  log.end()
  const ends = await Promise.all(
    readers.map(async (reader) => {
      for (;;) if ((await reader.read()).done) return true
    }),
  )
  await new Promise((resolve) => setImmediate(resolve))
  process.off('warning', onWarning)
  expect(ends.every(Boolean)).toBe(true)
  expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning')
})

test('a stream opened on an ended log closes at once', async () => {
  const log = filled(10, 1)
  log.end()
  const reader = eventStream(new Request('http://x/events'), log, null).body!.getReader()
  expect((await reader.read()).done).toBe(false) // the retry: line
  expect((await reader.read()).done).toBe(true)
})

test('a visitor stream resumed from an id the server never reached gets replay.incomplete', async () => {
  const visitor = await startVisitor()
  const stream = await visitorStream(visitor.token, visitor.conversationId, '9999')
  const [first] = await stream.next(1, 1_000)
  expect(first).toMatchObject({ id: null, event: 'replay.incomplete', data: { type: 'replay.incomplete', conversationId: visitor.conversationId } })
  stream.close()
})
