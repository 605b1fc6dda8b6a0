import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { Message, PaymentRequest, SessionResponse } from '../../../src/protocol/types'
import { createHandlers, createServerState } from '../../../src/server/index'

export const BASE = 'http://paychat.test'

/** The reference handlers behind `http://paychat.test`, reset to the seed after every test. */
export function referenceServer() {
  const state = createServerState()
  const server = setupServer(...createHandlers({ state }))
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => state.reset())
  afterAll(() => server.close())
  return state
}

export async function call<T = unknown>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers }
}

export const asOperator = <T = unknown>(method: string, path: string, body?: unknown) =>
  call<T>(method, `/v1/operator${path}`, { token: 'op_demo', ...(body !== undefined ? { body } : {}) })

export async function startVisitor(widgetKey = 'wk_demo') {
  const { body } = await call<SessionResponse>('POST', '/v1/sessions', { body: { widgetKey } })
  return { token: body.session.token, conversationId: body.conversation.id, session: body }
}

export async function share(conversationId: string, paymentPageId = 'pp_house_blend') {
  const { status, body } = await asOperator<PaymentRequest>('POST', `/conversations/${conversationId}/payment-requests`, { paymentPageId })
  if (status !== 201) throw new Error(`share failed: ${status} ${JSON.stringify(body)}`)
  return body
}

export async function checkout(token: string, paymentRequestId: string, key = 'key-1') {
  return call<{ checkoutSessionId: string; checkoutUrl: string; expiresAt: string }>(
    'POST',
    `/v1/payment-requests/${paymentRequestId}/checkout`,
    { token, headers: { 'idempotency-key': key } },
  )
}

export const card = (number: string, extra: Partial<{ name: string; expMonth: number; expYear: number; cvc: string }> = {}) => ({
  name: 'Ada Lovelace',
  number,
  expMonth: 12,
  expYear: 2099,
  cvc: '123',
  ...extra,
})

export async function pay(checkoutSessionId: string, body: unknown) {
  return call<{ outcome: string; message: string; paymentRequest: PaymentRequest; error?: { code: string; field?: string } }>(
    'POST',
    `/v1/checkout/sessions/${checkoutSessionId}/pay`,
    { body },
  )
}

export async function messagesOf(token: string, conversationId: string, query = '') {
  return call<{ messages: Message[]; hasMore: boolean; lastEventId: string | null }>(
    'GET',
    `/v1/conversations/${conversationId}/messages${query}`,
    { token },
  )
}
