import { expect, test } from 'vitest'
import { EventLog } from '../../../src/server/event-hub'
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

test('a visitor stream resumed from an id the server never reached gets replay.incomplete', async () => {
  const visitor = await startVisitor()
  const stream = await visitorStream(visitor.token, visitor.conversationId, '9999')
  const [first] = await stream.next(1, 1_000)
  expect(first).toMatchObject({ id: null, event: 'replay.incomplete', data: { type: 'replay.incomplete', conversationId: visitor.conversationId } })
  stream.close()
})
