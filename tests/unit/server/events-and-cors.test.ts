import { afterEach, describe, expect, test } from 'vitest'
import { asOperator, BASE, call, referenceServer, share, startVisitor } from './harness'
import { openStream, readEvents } from './sse-reader'

const state = referenceServer()

const open: Array<() => void> = []
afterEach(() => open.splice(0).forEach((close) => close()))

async function stream(path: string, token: string, lastEventId?: string) {
  const { response, close } = await openStream(`${BASE}${path}`, {
    authorization: `Bearer ${token}`,
    ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}),
  })
  open.push(close)
  return Object.assign(response, { close })
}

describe('the conversation event stream', () => {
  test('replays what came after Last-Event-ID, then delivers live events in order', async () => {
    const { token, conversationId } = await startVisitor()
    for (const text of ['one', 'two', 'three']) await asOperator('POST', `/conversations/${conversationId}/messages`, { text })

    const response = await stream(`/v1/conversations/${conversationId}/events`, token, '1')
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reading = readEvents(response, 4)
    const request = await share(conversationId)
    await call('POST', `/v1/payment-requests/${request.id}/decline`, { token })
    const events = await reading

    expect(events.map((e) => e.id)).toEqual(['2', '3', '4', '5'])
    expect(events.map((e) => e.data.message?.text)).toEqual(['two', 'three', '', undefined])
    expect(events[2]).toMatchObject({ event: 'message.created', data: { message: { paymentRequest: { id: request.id, status: 'pending' } } } })
    expect(events[3]).toMatchObject({ event: 'payment_request.updated', data: { paymentRequest: { status: 'declined' } } })
  })

  test('without Last-Event-ID only live events come', async () => {
    const { token, conversationId } = await startVisitor()
    await asOperator('POST', `/conversations/${conversationId}/messages`, { text: 'before' })
    const reading = readEvents(await stream(`/v1/conversations/${conversationId}/events`, token), 1)
    await new Promise((r) => setTimeout(r, 20))
    await asOperator('POST', `/conversations/${conversationId}/messages`, { text: 'after' })
    expect((await reading).map((e) => [e.id, e.data.message.text])).toEqual([['2', 'after']])
  })

  test('a stream the client cancels stops listening', async () => {
    const { token, conversationId } = await startVisitor()
    const log = state.events.conversation(conversationId)
    const listeners = () => (log as unknown as { listeners: Set<unknown> }).listeners.size
    const response = await stream(`/v1/conversations/${conversationId}/events`, token)
    await new Promise((r) => setTimeout(r, 20))
    expect(listeners()).toBe(1)
    response.close()
    await new Promise((r) => setTimeout(r, 20))
    expect(listeners()).toBe(0)
    expect((await asOperator('POST', `/conversations/${conversationId}/messages`, { text: 'still fine' })).status).toBe(201)
  })

  test('the operator stream hears new conversations and every conversation’s events', async () => {
    const reading = readEvents(await stream('/v1/operator/events', 'op_demo'), 2)
    await new Promise((r) => setTimeout(r, 20))
    const { token, conversationId } = await startVisitor()
    await call('POST', `/v1/conversations/${conversationId}/messages`, { token, body: { clientId: 'c1', text: 'hello' } })
    const events = await reading
    expect(events.map((e) => e.event)).toEqual(['conversation.created', 'message.created'])
    expect(events.every((e) => e.data.conversationId === conversationId)).toBe(true)
  })
})

describe('CORS for widgets on other origins', () => {
  test('a preflight allows the headers the widget sends', async () => {
    const res = await fetch(`${BASE}/v1/conversations/conv_x/messages`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase()
    for (const header of ['authorization', 'content-type', 'idempotency-key', 'last-event-id']) expect(allowed).toContain(header)
  })

  test('answers, errors included, echo the origin and vary on it', async () => {
    for (const body of [{ widgetKey: 'wk_demo' }, { widgetKey: 'wk_nope' }]) {
      const res = await call('POST', '/v1/sessions', { body, headers: { origin: 'https://shop.example' } })
      expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
      expect(res.headers.get('vary')).toContain('Origin')
    }
  })
})
