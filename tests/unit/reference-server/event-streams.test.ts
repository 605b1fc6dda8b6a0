import { afterEach, describe, expect, test, vi } from 'vitest'
import { openEventStream, type StreamEvent } from './event-stream'
import {
  asOperator,
  BASE,
  messagesOf,
  operatorStream,
  send,
  share,
  startVisitor,
  trackListeners,
  useReferenceServer,
  visitorStream,
} from './harness'

useReferenceServer()
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const ids = (events: StreamEvent[]) => events.map((e) => Number(e.id))
const textsOf = (events: StreamEvent[]) => events.map((e) => (e.data.type === 'message.created' ? e.data.message.text : e.data.type))

describe('the visitor stream', () => {
  test('opens as text/event-stream with retry: 2000', async () => {
    const visitor = await startVisitor()
    const stream = await visitorStream(visitor.token, visitor.conversationId)
    expect(stream.response.status).toBe(200)
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(stream.response.headers.get('cache-control')).toContain('no-cache')
    expect(await stream.rawUntil('retry: 2000')).toMatch(/^retry: 2000\n\n/)
  })

  test('after Last-Event-ID it replays the later events, then streams live ones, in order with ids up by one', async () => {
    const visitor = await startVisitor()
    for (const text of ['one', 'two', 'three']) await send(visitor.token, visitor.conversationId, text)
    const stream = await visitorStream(visitor.token, visitor.conversationId, '1')

    const replayed = await stream.next(2)
    expect(ids(replayed)).toEqual([2, 3])
    expect(textsOf(replayed)).toEqual(['two', 'three'])

    await send(visitor.token, visitor.conversationId, 'four')
    await asOperator('POST', `/v1/operator/conversations/${visitor.conversationId}/messages`, { text: 'five' })
    const live = await stream.next(2)
    expect(ids(live)).toEqual([4, 5])
    expect(textsOf(live)).toEqual(['four', 'five'])
    expect(live.map((e) => e.event)).toEqual(['message.created', 'message.created'])
  })

  test('the lastEventId query works like the header', async () => {
    const visitor = await startVisitor()
    for (const text of ['one', 'two']) await send(visitor.token, visitor.conversationId, text)
    const stream = await openEventStream(`${BASE}/v1/conversations/${visitor.conversationId}/events?lastEventId=1`, {
      authorization: `Bearer ${visitor.token}`,
    })
    expect(textsOf(await stream.next(1))).toEqual(['two'])
  })

  test('without Last-Event-ID only live events come', async () => {
    const visitor = await startVisitor()
    for (const text of ['old', 'older']) await send(visitor.token, visitor.conversationId, text)
    const stream = await visitorStream(visitor.token, visitor.conversationId)
    await send(visitor.token, visitor.conversationId, 'new')
    const events = await stream.next(1)
    expect(ids(events)).toEqual([3])
    expect(textsOf(events)).toEqual(['new'])
  })

  test("a page's lastEventId, used to subscribe, misses nothing sent in between", async () => {
    const visitor = await startVisitor()
    await send(visitor.token, visitor.conversationId, 'on the page')
    const page = await messagesOf(visitor.token, visitor.conversationId)
    await send(visitor.token, visitor.conversationId, 'in between')
    const stream = await visitorStream(visitor.token, visitor.conversationId, page.body.lastEventId)
    await share(visitor.conversationId)
    const events = await stream.next(2)
    expect(textsOf(events)).toEqual(['in between', ''])
    expect(events[1]!.data).toMatchObject({ type: 'message.created', message: { type: 'payment_request' } })
  })

  test("a conversation's stream carries only its own events", async () => {
    const mine = await startVisitor()
    const other = await startVisitor()
    const stream = await visitorStream(mine.token, mine.conversationId)
    await send(other.token, other.conversationId, 'not for you')
    await send(mine.token, mine.conversationId, 'for you')
    expect(textsOf(await stream.next(1))).toEqual(['for you'])
  })

  test('sends a ": ping" comment every 15 s', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const visitor = await startVisitor()
    const stream = await visitorStream(visitor.token, visitor.conversationId)
    await stream.rawUntil('retry: 2000')
    vi.advanceTimersByTime(14_999)
    expect(await stream.rawUntil(': ping', 50)).not.toContain(': ping')
    vi.advanceTimersByTime(1)
    expect(await stream.rawUntil(': ping')).toContain(': ping\n\n')
  })
})

describe('the operator stream', () => {
  test('sees new conversations and the messages of all of them, ids up by one across conversations', async () => {
    const stream = await operatorStream()
    const first = await startVisitor()
    const second = await startVisitor('wk_sakura')
    await send(first.token, first.conversationId, 'from first')
    await send(second.token, second.conversationId, 'from second')

    const events = await stream.next(4)
    expect(events.map((e) => [e.event, e.data.conversationId])).toEqual([
      ['conversation.created', first.conversationId],
      ['conversation.created', second.conversationId],
      ['message.created', first.conversationId],
      ['message.created', second.conversationId],
    ])
    expect(events[0]!.data).toMatchObject({ conversation: { id: first.conversationId, brandId: 'brand_acme' } })
    expect(ids(events)).toEqual([1, 2, 3, 4])
  })

  test('replays after Last-Event-ID, payment card changes included', async () => {
    const visitor = await startVisitor()
    const card = await share(visitor.conversationId)
    await asOperator('POST', `/v1/operator/payment-requests/${card.id}/revoke`)
    const stream = await operatorStream('1')
    const events = await stream.next(3, 100)
    expect(events.map((e) => [e.id, e.event])).toEqual([
      ['2', 'message.created'],
      ['3', 'payment_request.updated'],
    ])
    expect(events[1]!.data).toMatchObject({ paymentRequest: { id: card.id, status: 'revoked' } })
  })
})

describe('closing a stream', () => {
  test('removes its listener; later events reach the streams still open and nothing throws', async () => {
    const listeners = trackListeners()
    const visitor = await startVisitor()
    const leaving = await visitorStream(visitor.token, visitor.conversationId)
    const staying = await visitorStream(visitor.token, visitor.conversationId)
    const operator = await operatorStream()
    expect(listeners.live()).toBe(3)

    leaving.close()
    await vi.waitFor(() => expect(listeners.live()).toBe(2))
    const sent = await send(visitor.token, visitor.conversationId, 'still here?')
    expect(sent.status).toBe(201)
    expect(textsOf(await staying.next(1))).toEqual(['still here?'])
    expect(textsOf(await operator.next(1))).toEqual(['still here?'])

    staying.close()
    operator.close()
    await vi.waitFor(() => expect(listeners.live()).toBe(0))
    expect((await send(visitor.token, visitor.conversationId, 'anyone?')).status).toBe(201)
  })
})
