import { getResponse, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createClient } from '../../../src/client/index'
import type { PaychatClient } from '../../../src/client/types'
import type {
  ReplayIncompleteEvent,
  CheckoutPayResult,
  ConversationEvent,
  Message,
  PaymentPage,
  PaymentRequest,
} from '../../../src/protocol/types'
import { createHandlers, createServerState } from '../../../src/server/index'
import { createChatStore, type ChatFailure } from '../../../src/store/index'
import type { ChatStore, PaychatEventName } from '../../../src/store/types'
import { memoryStorage } from './fake-client'

const apiBase = 'http://paychat.test'
const server = setupServer()
let handlers: ReturnType<typeof createHandlers>
/** Set to make every visitor message POST fail as if offline. */
let offline = false

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  offline = false
  handlers = createHandlers({ state: createServerState({ publicUrl: apiBase }) })
  server.use(
    http.post('*/v1/conversations/:id/messages', () => (offline ? HttpResponse.error() : undefined)),
    ...handlers,
  )
})
const open: ChatStore[] = []
afterEach(() => {
  for (const store of open.splice(0)) store.getState().stop()
  server.resetHandlers()
})
afterAll(() => server.close())

/** The operator's side, through the operator API with the demo token. */
async function operator<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${apiBase}/v1${path}`, {
    method,
    headers: { authorization: 'Bearer op_demo', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

async function shareCard(conversationId: string, brandId: string): Promise<PaymentRequest> {
  const { paymentPages } = await operator<{ paymentPages: PaymentPage[] }>('GET', `/operator/payment-pages?brandId=${brandId}`)
  const page = paymentPages[0]
  if (!page) throw new Error(`brand ${brandId} has no payment page`)
  return operator<PaymentRequest>('POST', `/operator/conversations/${conversationId}/payment-requests`, { paymentPageId: page.id })
}

async function pay(checkoutSessionId: string, number: string): Promise<CheckoutPayResult> {
  const res = await fetch(`${apiBase}/v1/checkout/sessions/${checkoutSessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ name: 'Ada Lovelace', number, expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123' }),
  })
  if (!res.ok) throw new Error(`pay -> ${res.status} ${await res.text()}`)
  return (await res.json()) as CheckoutPayResult
}

/** A visitor's store on the reference server, recording what it emits and what the stream delivered. */
async function visitor(options: { storage?: ReturnType<typeof memoryStorage>; retries?: number } = {}) {
  const storage = options.storage ?? memoryStorage()
  const client = createClient({ apiBase, widgetKey: 'wk_demo', ...(options.retries === undefined ? {} : { retries: options.retries }) })
  const streamed = tapStream(client)
  const emitted: Array<[PaychatEventName, unknown]> = []
  const store = createChatStore({ client, storage, locale: 'en', emit: (name, payload) => emitted.push([name, payload]) })
  open.push(store)
  await store.getState().start()
  expect(store.getState().phase).toBe('ready')
  await expect.poll(() => store.getState().connection).toBe('open')
  const state = () => store.getState()
  const conversationId = state().conversation!.id
  const brandId = state().brand!.id
  return { store, state, client, storage, emitted, streamed, conversationId, brandId, names: () => emitted.map(([n]) => n) }
}

/** Records every event the client's stream hands to the store. */
function tapStream(client: PaychatClient): Array<ConversationEvent | ReplayIncompleteEvent> {
  const seen: Array<ConversationEvent | ReplayIncompleteEvent> = []
  const subscribe = client.subscribe.bind(client)
  client.subscribe = (id, options) =>
    subscribe(id, { ...options, onEvent: (event, eventId) => (seen.push(event), options.onEvent(event, eventId)) })
  return seen
}

const echoOf = (events: Array<ConversationEvent | ReplayIncompleteEvent>, clientId: string) =>
  events.some((e) => e.type === 'message.created' && e.message.clientId === clientId)

describe('store on the reference server', () => {
  test('start opens a session, saves the token, loads history and emits ready', async () => {
    const v = await visitor()
    expect(JSON.parse(v.storage.data.get('paychat:wk_demo:session')!)).toEqual({ token: v.client.sessionToken })
    expect(v.names()).toEqual(['ready'])
    expect(v.state().brand?.checkoutOrigins).toBeDefined()
  })

  test('a second store with the same storage resumes the same conversation and history', async () => {
    const first = await visitor()
    first.store.getState().send('remember me')
    await expect.poll(() => first.state().messages.at(-1)?.sendStatus).toBe('sent')
    first.store.getState().stop()

    const second = await visitor({ storage: first.storage })
    expect(second.conversationId).toBe(first.conversationId)
    expect(second.state().messages.map((m) => m.text)).toContain('remember me')
  })

  test('send shows sending at once, then sent, and the stream echo does not duplicate it', async () => {
    const v = await visitor()
    v.store.getState().send('  hello there ')
    const local = v.state().messages.at(-1)!
    expect(local).toMatchObject({ text: 'hello there', sendStatus: 'sending', id: `local_${local.clientId}` })

    await expect.poll(() => v.state().messages.at(-1)?.sendStatus).toBe('sent')
    await expect.poll(() => echoOf(v.streamed, local.clientId!)).toBe(true)
    const mine = v.state().messages.filter((m) => m.clientId === local.clientId)
    expect(mine).toHaveLength(1)
    expect(mine[0]!.id).toMatch(/^msg_/)
    expect(v.names()).toEqual(['ready'])
  })

  test('a send while offline waits as queued with the reason, then goes out by itself exactly once', async () => {
    const v = await visitor({ retries: 0 })
    offline = true
    v.store.getState().send('are you there?')
    await expect.poll(() => v.state().messages.at(-1)?.sendStatus).toBe('queued')
    const failed = v.state().messages.at(-1)!
    expect(failed.sendError).toEqual({ code: 'offline' })

    offline = false
    // The backoff's first wait is about a second; no click is needed.
    await expect.poll(() => v.state().messages.at(-1)?.sendStatus, { timeout: 3_000 }).toBe('sent')
    expect(v.state().messages.at(-1)?.clientId).toBe(failed.clientId)
    const { messages } = await operator<{ messages: Message[] }>('GET', `/operator/conversations/${v.conversationId}/messages`)
    expect(messages.filter((m) => m.clientId === failed.clientId)).toHaveLength(1)
  })

  test('when the answer to a send is lost, the retry gets the same message and nothing doubles', async () => {
    const v = await visitor()
    let lost = 0
    server.use(
      http.post('*/v1/conversations/:id/messages', async ({ request }) => {
        if (lost++ > 0) return undefined
        await getResponse(handlers, request)
        return HttpResponse.error()
      }),
    )
    v.store.getState().send('only once please')
    // The first attempt was stored but its answer lost; the client retries and gets the stored message.
    // The stream's echo may turn the message sent before that retry answers: either order is fine.
    await expect.poll(() => lost).toBe(2)
    await expect.poll(() => v.state().messages.at(-1)?.sendStatus).toBe('sent')
    await new Promise((r) => setTimeout(r, 50))
    const clientId = v.state().messages.at(-1)!.clientId
    await expect.poll(() => echoOf(v.streamed, clientId!)).toBe(true)
    expect(v.state().messages.filter((m) => m.text === 'only once please')).toHaveLength(1)
    const { messages } = await operator<{ messages: Message[] }>('GET', `/operator/conversations/${v.conversationId}/messages`)
    expect(messages.filter((m) => m.text === 'only once please')).toHaveLength(1)
  })

  test('an operator message arrives through the stream and emits message', async () => {
    const v = await visitor()
    const reply = await operator<Message>('POST', `/operator/conversations/${v.conversationId}/messages`, { text: 'Hi, how can I help?' })
    await expect.poll(() => v.state().messages.at(-1)?.id).toBe(reply.id)
    expect(v.state().messages.at(-1)).toMatchObject({ author: { role: 'operator' }, sendStatus: 'sent' })
    expect(v.emitted).toContainEqual(['message', expect.objectContaining({ id: reply.id, text: 'Hi, how can I help?' })])
    expect(v.state().lastEventId).not.toBeNull()
  })

  test('a shared card appears as a message and a pending card, with no payment event', async () => {
    const v = await visitor()
    const shared = await shareCard(v.conversationId, v.brandId)
    await expect.poll(() => v.state().cards[shared.id]?.status).toBe('pending')
    expect(v.state().messages.some((m) => m.type === 'payment_request' && m.paymentRequest?.id === shared.id)).toBe(true)
    expect(v.names().filter((n) => n.startsWith('payment:'))).toEqual([])
  })

  test('checkout twice, even at once, gives the same URL (one checkout session) and the card goes checkout_open', async () => {
    const v = await visitor()
    const shared = await shareCard(v.conversationId, v.brandId)
    await expect.poll(() => v.state().cards[shared.id]).toBeDefined()

    const pending = v.store.getState().checkout(shared.id)
    expect(v.state().busyCards[shared.id]).toBe('checkout')
    const [a, b] = await Promise.all([pending, v.store.getState().checkout(shared.id)])
    const c = await v.store.getState().checkout(shared.id)
    expect(b).toEqual(a)
    expect(c.checkoutUrl).toBe(a.checkoutUrl)
    expect(c.checkoutSessionId).toBe(a.checkoutSessionId)
    expect(v.state().busyCards).toEqual({})
    expect(v.state().cards[shared.id]?.status).toBe('checkout_open')
    expect(v.emitted).toContainEqual([
      'payment:opened',
      { paymentRequest: expect.objectContaining({ id: shared.id, status: 'checkout_open' }), checkoutUrl: a.checkoutUrl },
    ])
  })

  test('paying on the hosted page turns the card paid live and emits payment:paid', async () => {
    const v = await visitor()
    const shared = await shareCard(v.conversationId, v.brandId)
    await expect.poll(() => v.state().cards[shared.id]).toBeDefined()
    const link = await v.store.getState().checkout(shared.id)
    await pay(link.checkoutSessionId, '4242 4242 4242 4242')
    await expect.poll(() => v.state().cards[shared.id]?.status).toBe('paid')
    expect(v.emitted).toContainEqual(['payment:paid', { paymentRequest: expect.objectContaining({ id: shared.id, status: 'paid' }) }])
  })

  test('a declined card turns failed and emits payment:failed; Pay now again opens a new attempt', async () => {
    const v = await visitor()
    const shared = await shareCard(v.conversationId, v.brandId)
    await expect.poll(() => v.state().cards[shared.id]).toBeDefined()
    const first = await v.store.getState().checkout(shared.id)
    await pay(first.checkoutSessionId, '4000 0000 0000 0002')
    await expect.poll(() => v.state().cards[shared.id]?.status).toBe('failed')
    expect(v.names()).toContain('payment:failed')

    await v.store.getState().checkout(shared.id)
    await expect.poll(() => v.state().cards[shared.id]?.status).toBe('checkout_open')
  })

  test('decline turns the card declined and emits payment:declined once', async () => {
    const v = await visitor()
    const shared = await shareCard(v.conversationId, v.brandId)
    await expect.poll(() => v.state().cards[shared.id]).toBeDefined()
    await v.store.getState().decline(shared.id)
    expect(v.state().cards[shared.id]?.status).toBe('declined')
    // The stream's copy of the same change arrives too; it must not emit again.
    await expect.poll(() =>
      v.streamed.some((e) => e.type === 'payment_request.updated' && e.paymentRequest.status === 'declined'),
    ).toBe(true)
    expect(v.names().filter((n) => n === 'payment:declined')).toHaveLength(1)
    expect(v.state().cardErrors).toEqual({})
  })

  test('a card the operator revokes turns revoked live', async () => {
    const v = await visitor()
    const shared = await shareCard(v.conversationId, v.brandId)
    await expect.poll(() => v.state().cards[shared.id]?.status).toBe('pending')
    await operator('POST', `/operator/payment-requests/${shared.id}/revoke`)
    await expect.poll(() => v.state().cards[shared.id]?.status).toBe('revoked')
  })

  test('checkout of a revoked card fails with the server\'s code and the card shows revoked', async () => {
    const v = await visitor()
    const shared = await shareCard(v.conversationId, v.brandId)
    await expect.poll(() => v.state().cards[shared.id]).toBeDefined()
    v.store.getState().stop()
    await operator('POST', `/operator/payment-requests/${shared.id}/revoke`)
    const error = await v.store.getState().checkout(shared.id).then(
      () => null,
      (e: ChatFailure) => e,
    )
    expect(error?.cause).toMatchObject({ name: 'ApiError', status: 409 })
    expect(error?.reason).toEqual({ code: 'server', status: 409, serverCode: 'invalid_state' })
    expect(v.state().cardErrors[shared.id]).toEqual(error?.reason)
    await expect.poll(() => v.state().cards[shared.id]?.status).toBe('revoked')
  })

  test('stop closes the stream', async () => {
    const v = await visitor()
    v.store.getState().stop()
    expect(v.state().connection).toBe('closed')
  })
})
