import { getResponse } from 'msw'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { SessionResponse } from '../../src/protocol/types'
import { createHandlers, createServerState } from '../../src/server/index'
import type { EventStream } from '../unit/reference-server/event-stream'
import { send, startVisitor, trackListeners, useReferenceServer, visitorStream } from '../unit/reference-server/harness'

/**
 * Finding 12 (streams): one session could hold any number of event streams open, each a listener and
 * a connection on the server. A session now holds at most 5; opening a 6th closes the oldest cleanly
 * (its client reconnects as after any end).
 */
useReferenceServer()
afterEach(() => vi.restoreAllMocks())

/** Reads until the stream ends or `ms` pass; whether it ended. */
async function endsWithin(stream: EventStream, ms = 500): Promise<boolean> {
  await stream.next(1, ms)
  return stream.ended()
}

async function openStreams(visitor: { token: string; conversationId: string }, count: number): Promise<EventStream[]> {
  const streams: EventStream[] = []
  for (let i = 0; i < count; i++) {
    const stream = await visitorStream(visitor.token, visitor.conversationId)
    expect(stream.response.status).toBe(200)
    await stream.rawUntil('retry:')
    streams.push(stream)
  }
  return streams
}

describe('a session’s event streams', () => {
  test('five stay open together and each gets every event', async () => {
    const visitor = await startVisitor()
    const streams = await openStreams(visitor, 5)
    await send(visitor.token, visitor.conversationId, 'to all five')
    for (const stream of streams) expect((await stream.next(1)).map((e) => e.event)).toEqual(['message.created'])
    for (const stream of streams) expect(stream.ended()).toBe(false)
  })

  test('a sixth closes the oldest, cleanly; the other five keep going', async () => {
    const visitor = await startVisitor()
    const [oldest, ...rest] = await openStreams(visitor, 6)
    expect(await endsWithin(oldest!)).toBe(true)
    await send(visitor.token, visitor.conversationId, 'still here')
    for (const stream of rest) expect((await stream.next(1)).map((e) => e.event)).toEqual(['message.created'])
    for (const stream of rest) expect(stream.ended()).toBe(false)
  })

  test('twenty opened one after another leave five listening on the server', async () => {
    const listeners = trackListeners()
    const visitor = await startVisitor()
    const streams = await openStreams(visitor, 20)
    await expect.poll(() => listeners.live()).toBe(5)
    for (const stream of streams.slice(0, 15)) expect(await endsWithin(stream, 200)).toBe(true)
  })

  test('another session’s streams are not counted against this one', async () => {
    const first = await startVisitor()
    const second = await startVisitor()
    const firsts = await openStreams(first, 5)
    await openStreams(second, 5)
    await send(first.token, first.conversationId, 'first is fine')
    for (const stream of firsts) expect((await stream.next(1)).map((e) => e.event)).toEqual(['message.created'])
  })
})

/** 'ended' when the stream's body ends within `ms`, else 'open'. */
function stateWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<'ended' | 'open'> {
  const open = new Promise<'open'>((resolve) => setTimeout(resolve, ms, 'open'))
  return Promise.race([reader.read().then((r) => (r.done ? 'ended' : 'open')), open])
}

describe('the cap is an option of the state', () => {
  /** The handlers of their own state, called directly (not through this file's msw server). */
  const state = createServerState({ maxStreamsPerSession: 2, rateLimits: false })
  const handlers = createHandlers({ state })
  const answer = (path: string, init: RequestInit = {}) => getResponse(handlers, new Request(`http://own.test${path}`, init))

  test('createServerState({ maxStreamsPerSession: 2 }) keeps two', async () => {
    const started = await answer('/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"widgetKey":"wk_demo"}' })
    const { session, conversation } = (await started!.json()) as SessionResponse
    const streams = []
    for (let i = 0; i < 3; i++) {
      const response = await answer(`/v1/conversations/${conversation.id}/events`, { headers: { authorization: `Bearer ${session.token}` } })
      const reader = response!.body!.getReader()
      await reader.read() // retry:
      streams.push(reader)
    }
    const [oldest, ...kept] = streams
    expect(await stateWithin(oldest!, 500)).toBe('ended')
    expect(await Promise.all(kept.map((reader) => stateWithin(reader, 100)))).toEqual(['open', 'open'])
    state.reset() // ends the two left
  })

  test('a cap below one is refused when the state is made', () => {
    for (const max of [0, -1, 1.5, Number.NaN]) expect(() => createServerState({ maxStreamsPerSession: max }), String(max)).toThrow(/maxStreamsPerSession/)
  })
})
