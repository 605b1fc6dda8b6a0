import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type {
  CheckoutSessionLink,
  PaymentPage,
  PaymentRequest,
  SessionResponse,
  SharePaymentRequestBody,
} from '../../../src/protocol/types'
import { createHandlers, createServerState, type ServerState, type ServerStateOptions } from '../../../src/server/index'

/** Where the page under test believes the API lives; MSW answers for it with the reference handlers. */
export const API = 'http://paychat.test'
const OPERATOR = { authorization: 'Bearer op_demo', 'content-type': 'application/json' }
/** The shop whose widget pressed Pay now: the page posts its hint to this origin only. */
export const SHOP_ORIGIN = 'https://shop.example'

let current: ServerState | null = null

/** The reference server for one test file: listening before, reset after each test, closed after. */
export function useReferenceServer(options: ServerStateOptions = {}) {
  const state = createServerState(options)
  current = state
  const server = setupServer(...createHandlers({ state }))
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    server.events.removeAllListeners()
    state.reset()
  })
  afterAll(() => server.close())
  return { server, state }
}

/** A checkout session reached the way a visitor reaches it: chat, a shared card, Pay now. */
export interface OpenedCheckout {
  checkoutSessionId: string
  paymentRequestId: string
  visitorToken: string
}

/** How the operator shares the card: `sale` and a 24 h checkout unless told otherwise. */
export type ShareOptions = Pick<SharePaymentRequestBody, 'transactionType' | 'checkoutMinutes'>

export async function openCheckout(
  pageTitle = 'House blend, 1 kg',
  widgetKey = 'wk_demo',
  share: ShareOptions = {},
): Promise<OpenedCheckout> {
  const session = await call<SessionResponse>('POST', '/v1/sessions', {}, { widgetKey })
  const visitor = { authorization: `Bearer ${session.session.token}`, 'content-type': 'application/json' }
  await call('POST', `/v1/conversations/${session.conversation.id}/messages`, visitor, {
    clientId: 'c1',
    text: 'Can I order here?',
  })

  const { paymentPages } = await call<{ paymentPages: PaymentPage[] }>(
    'GET',
    `/v1/operator/payment-pages?brandId=${session.brand.id}`,
    OPERATOR,
  )
  const page = paymentPages.find((p) => p.title === pageTitle)
  if (!page) throw new Error(`no payment page "${pageTitle}"`)
  const request = await call<PaymentRequest>(
    'POST',
    `/v1/operator/conversations/${session.conversation.id}/payment-requests`,
    OPERATOR,
    { paymentPageId: page.id, ...share },
  )

  const link = await call<CheckoutSessionLink>('POST', `/v1/payment-requests/${request.id}/checkout`, {
    ...visitor,
    'idempotency-key': `pay-${request.id}`,
  })
  // The server takes the opener from Pay now's Origin header, which happy-dom's fetch does not send.
  current!.checkoutSessions.get(link.checkoutSessionId)!.openerOrigin = SHOP_ORIGIN
  return { checkoutSessionId: link.checkoutSessionId, paymentRequestId: request.id, visitorToken: session.session.token }
}

/** What the operator and the mock controls can do to a request behind the page's back. */
export const behindThePage = {
  /** The request as the widget reads it. */
  paymentRequest: (opened: OpenedCheckout) =>
    call<PaymentRequest>('GET', `/v1/payment-requests/${opened.paymentRequestId}`, {
      authorization: `Bearer ${opened.visitorToken}`,
    }),
  revoke: (paymentRequestId: string) => call('POST', `/v1/operator/payment-requests/${paymentRequestId}/revoke`, OPERATOR),
  advanceClock: (advanceMs: number) => call('POST', '/v1/mock/clock', OPERATOR, { advanceMs }),
  pay: (checkoutSessionId: string, number: string) =>
    call('POST', `/v1/checkout/sessions/${checkoutSessionId}/pay`, { 'idempotency-key': crypto.randomUUID() }, {
      name: 'Grace Hopper',
      number,
      expMonth: 12,
      expYear: 2099,
      cvc: '123',
    }),
}

async function call<T = unknown>(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

type Server = ReturnType<typeof setupServer>

/** The JSON bodies of the POST calls whose path matches `path`, in the order the server got them. */
export function recordBodies(server: Server, path: RegExp): { all(): Promise<unknown[]> } {
  const bodies: Promise<unknown>[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && path.test(new URL(request.url).pathname)) bodies.push(request.clone().json())
  })
  return { all: () => Promise.all(bodies) }
}

/** The JSON answers (2xx only) to the POST calls whose path matches `path`, in order. */
export function recordAnswers<T>(server: Server, path: RegExp): { all(): Promise<T[]> } {
  const answers: Promise<T>[] = []
  server.events.on('response:mocked', ({ request, response }) => {
    if (request.method === 'POST' && response.ok && path.test(new URL(request.url).pathname)) {
      answers.push(response.clone().json() as Promise<T>)
    }
  })
  return { all: () => Promise.all(answers) }
}
