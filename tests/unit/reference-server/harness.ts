import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest'
import type {
  ApiErrorBody,
  CheckoutPayBody,
  CheckoutPayResult,
  CheckoutSessionLink,
  Message,
  MessagePage,
  PaymentRequest,
  SessionResponse,
  SharePaymentRequestBody,
} from '../../../src/protocol/types'
import { EventLog } from '../../../src/server/event-hub'
import { createHandlers, createServerState, type ServerState, type ServerStateOptions } from '../../../src/server/index'
import { closeAllStreams, openEventStream } from './event-stream'

export const BASE = 'http://paychat.test'

/** How the operator shares a card: a sale with 24 h checkout sessions unless told otherwise. */
export type ShareOptions = Pick<SharePaymentRequestBody, 'transactionType' | 'checkoutMinutes'>
export const OPERATOR_TOKEN = 'op_demo'

/**
 * One seeded state behind `http://paychat.test` for the whole test file, back to the seed after
 * every test. The state is returned so a test can look inside (the card number check does).
 */
export function useReferenceServer(options: ServerStateOptions = {}): ServerState {
  // Statuses come from the mock control unless a test asks for the simulated phone's own timing.
  const state = createServerState({ publicUrl: BASE, ...options, whatsapp: { statusDelaysMs: false, ...options.whatsapp } })
  const server = setupServer(...createHandlers({ state }))
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    closeAllStreams()
    state.reset()
  })
  afterAll(() => server.close())
  return state
}

/** An answer with its JSON parsed; `error` is the envelope's inside when there is one. */
export interface Answer<T> {
  status: number
  headers: Headers
  text: string
  body: T
  error: ApiErrorBody['error'] | undefined
}

export interface CallOptions {
  token?: string
  /** Sent as JSON; a string is sent as it is. */
  body?: unknown
  headers?: Record<string, string>
}

/** The API calls the tests make, against `base` (msw's fake origin, or a real port). */
export function apiAt(base: string) {
  async function call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? null : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    })
    const text = await res.text()
    const body = (res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : null) as T
    const error = (body as Partial<ApiErrorBody> | null)?.error
    return { status: res.status, headers: res.headers, text, body, error }
  }

  const asOperator = <T = unknown>(method: string, path: string, body?: unknown) =>
    call<T>(method, path, { token: OPERATOR_TOKEN, ...(body === undefined ? {} : { body }) })

  /** A new visitor session: its token and conversation. */
  async function startVisitor(widgetKey = 'wk_demo') {
    const answer = await call<SessionResponse>('POST', '/v1/sessions', { body: { widgetKey } })
    expect(answer.status, answer.text).toBe(201)
    const { session, conversation, brand } = answer.body
    return { token: session.token, visitorId: session.visitorId, conversationId: conversation.id, brandId: brand.id }
  }

  /** The operator shares a payment page as a card in the conversation. */
  async function share(conversationId: string, pageId = 'pp_house_blend', options: ShareOptions = {}): Promise<PaymentRequest> {
    const answer = await asOperator<PaymentRequest>('POST', `/v1/operator/conversations/${conversationId}/payment-requests`, {
      paymentPageId: pageId,
      ...options,
    })
    expect(answer.status, answer.text).toBe(201)
    return answer.body
  }

  /** The visitor's Pay now; a fresh Idempotency-Key unless one is given. */
  const checkout = (token: string, paymentRequestId: string, key: string = crypto.randomUUID()) =>
    call<CheckoutSessionLink>('POST', `/v1/payment-requests/${paymentRequestId}/checkout`, {
      token,
      headers: { 'idempotency-key': key },
    })

  /** A checkout session the visitor opened on a freshly shared card. */
  async function openCheckout(visitor: { token: string; conversationId: string }, pageId?: string, options: ShareOptions = {}) {
    const card = await share(visitor.conversationId, pageId, options)
    const link = await checkout(visitor.token, card.id)
    expect(link.status, link.text).toBe(200)
    return { card, link: link.body }
  }

  /** The hosted page's pay: a fresh Idempotency-Key unless one is given (the page makes one per attempt). */
  const pay = (checkoutSessionId: string, body: CheckoutPayBody, key: string = crypto.randomUUID()) =>
    call<CheckoutPayResult>('POST', `/v1/checkout/sessions/${checkoutSessionId}/pay`, { body, headers: { 'idempotency-key': key } })

  /** A visitor message; a fresh clientId unless one is given. */
  const send = (token: string, conversationId: string, text: string, clientId: string = crypto.randomUUID()) =>
    call<Message>('POST', `/v1/conversations/${conversationId}/messages`, { token, body: { clientId, text } })

  const messagesOf = (token: string, conversationId: string, query = '') =>
    call<MessagePage>('GET', `/v1/conversations/${conversationId}/messages${query}`, { token })

  const cardOf = (token: string, paymentRequestId: string) =>
    call<PaymentRequest>('GET', `/v1/payment-requests/${paymentRequestId}`, { token })

  const advanceClock = async (advanceMs: number) => {
    const answer = await asOperator<{ now: string }>('POST', '/v1/mock/clock', { advanceMs })
    expect(answer.status, answer.text).toBe(200)
    return answer.body.now
  }

  const lastEventIdHeader = (lastEventId?: string | null): Record<string, string> =>
    lastEventId === undefined || lastEventId === null ? {} : { 'last-event-id': lastEventId }

  /** The widget's event stream of a conversation, from `lastEventId` when given. */
  const visitorStream = (token: string, conversationId: string, lastEventId?: string | null) =>
    openEventStream(`${base}/v1/conversations/${conversationId}/events`, {
      authorization: `Bearer ${token}`,
      ...lastEventIdHeader(lastEventId),
    })

  /** The operator console's event stream across all conversations. */
  const operatorStream = (lastEventId?: string | null) =>
    openEventStream(`${base}/v1/operator/events`, { authorization: `Bearer ${OPERATOR_TOKEN}`, ...lastEventIdHeader(lastEventId) })

  return {
    call,
    asOperator,
    startVisitor,
    share,
    checkout,
    openCheckout,
    pay,
    send,
    messagesOf,
    cardOf,
    advanceClock,
    visitorStream,
    operatorStream,
  }
}

export const {
  call,
  asOperator,
  startVisitor,
  share,
  checkout,
  openCheckout,
  pay,
  send,
  messagesOf,
  cardOf,
  advanceClock,
  visitorStream,
  operatorStream,
} = apiAt(BASE)

/** A card the simulated gateway accepts as valid input (the number decides the outcome). */
export const card = (number: string, overrides: Partial<CheckoutPayBody> = {}): CheckoutPayBody => ({
  name: 'Ada Lovelace',
  number,
  expMonth: 12,
  expYear: 2099,
  cvc: '123',
  ...overrides,
})

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

/**
 * Counts the live listeners of every event log (conversation and operator streams), through
 * `EventLog.listen` and the unsubscribe it returns. Restored by `vi.restoreAllMocks()`.
 */
export function trackListeners() {
  let live = 0
  const listen = EventLog.prototype.listen
  vi.spyOn(EventLog.prototype, 'listen').mockImplementation(function (this: EventLog<unknown>, listener) {
    const unlisten = listen.call(this, listener)
    live++
    let listening = true
    return () => {
      if (listening) live--
      listening = false
      return unlisten()
    }
  })
  return { live: () => live }
}

/** Everything the state holds as one string: maps and sets spelled out, private fields included. */
export function dumpState(state: ServerState): string {
  return JSON.stringify(state, (_key, value: unknown) =>
    value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value.values()] : value,
  )
}
