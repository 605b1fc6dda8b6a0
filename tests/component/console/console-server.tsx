import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach } from 'vitest'
import type {
  CheckoutPayBody,
  CheckoutPayResult,
  CheckoutSessionLink,
  ConversationSummary,
  MessageTemplate,
  PaymentRequest,
  SessionResponse,
  SharePaymentRequestBody,
  TemplateComponent,
} from '../../../src/protocol/types'
import { ConsoleApp } from '../../../demo/operator/console-app'
import { API, useReferenceServer } from '../checkout/reference-server'

export { API }

/** The admin's token: every brand, and the mock controls. */
const OPERATOR = { authorization: 'Bearer op_demo' }

/** A request the reference server saw: method, path with query, and the JSON body it carried. */
export interface SeenRequest {
  method: string
  path: string
  body: unknown
}

/** An answer the reference server gave, with its JSON body (null when it had none). */
export interface SeenResponse extends SeenRequest {
  status: number
}

/**
 * The reference server for one console test file, with every request recorded. `lagMs` sets its clock
 * behind this machine's: a WhatsApp message received while it lags is that far in the console's past.
 */
export function useConsoleServer() {
  const clock = { lagMs: 0 }
  // WhatsApp's delivery statuses come only when a test sends them, not on timers.
  const reference = useReferenceServer({ now: () => Date.now() - clock.lagMs, whatsapp: { statusDelaysMs: false } })
  const seen: SeenRequest[] = []
  const answers: SeenResponse[] = []
  beforeEach(() => {
    seen.length = 0
    answers.length = 0
    reference.server.events.on('request:start', async ({ request }) => {
      const url = new URL(request.url)
      const text = request.method === 'GET' ? '' : await request.clone().text()
      seen.push({ method: request.method, path: url.pathname + url.search, body: text ? JSON.parse(text) : undefined })
    })
    reference.server.events.on('response:mocked', async ({ request, response }) => {
      if (response.headers.get('content-type')?.includes('text/event-stream')) return
      const url = new URL(request.url)
      const text = await response.clone().text()
      answers.push({ method: request.method, path: url.pathname + url.search, status: response.status, body: text ? JSON.parse(text) : null })
    })
  })
  afterEach(() => {
    clock.lagMs = 0
  })
  /** Waits for the server's answer with this status to this method on a path matching `path` (the last one). */
  const answered = (method: string, path: RegExp, status: number) =>
    waitFor(() => {
      const found = answers.findLast((a) => a.method === method && path.test(a.path) && a.status === status)
      if (!found) throw new Error(`no ${status} answer to ${method} ${path}`)
      return found
    })
  return { ...reference, clock, seen, answers, answered }
}

/** The operator API and the mock controls, called the way a second operator (or Meta) would. */
export async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: body === undefined ? OPERATOR : { ...OPERATOR, 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${await response.text()}`)
  return (response.status === 204 ? null : await response.json()) as T
}

/** A web visitor who gave their name and wrote once: a conversation in the list. */
export async function webVisitor(name: string, text = 'Hello there'): Promise<string> {
  return (await webVisitorSession(name, text)).conversationId
}

/** A web visitor's conversation and the session token their widget holds (to pay as they would); Acme Coffee's unless another widget key is given. */
export async function webVisitorSession(name: string, text = 'Hello there', widgetKey = 'wk_demo'): Promise<{ conversationId: string; token: string }> {
  const response = await fetch(`${API}/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ widgetKey, visitor: { name } }),
  })
  const session = (await response.json()) as SessionResponse
  await fetch(`${API}/v1/conversations/${session.conversation.id}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'c1', text }),
  })
  return { conversationId: session.conversation.id, token: session.session.token }
}

/** A card shared by another operator (or before the console opened), through the operator API. */
export function shareCard(conversationId: string, body: SharePaymentRequestBody) {
  return call<PaymentRequest>('POST', `/v1/operator/conversations/${conversationId}/payment-requests`, body)
}

/** The visitor's Pay now on the card: the checkout session their widget opens. */
export async function payNow(paymentRequestId: string, visitorToken: string): Promise<string> {
  const response = await fetch(`${API}/v1/payment-requests/${paymentRequestId}/checkout`, {
    method: 'POST',
    headers: { authorization: `Bearer ${visitorToken}`, 'idempotency-key': `pay-${paymentRequestId}` },
  })
  if (!response.ok) throw new Error(`Pay now -> ${response.status} ${await response.text()}`)
  return ((await response.json()) as CheckoutSessionLink).checkoutSessionId
}

export const GOOD_CARD = '4242 4242 4242 4242'
export const DECLINED_CARD = '4000 0000 0000 0002'

/** The payer submitting the hosted checkout page's form with this card number. */
export async function payOnCheckout(checkoutSessionId: string, number: string, more: Partial<CheckoutPayBody> = {}) {
  const response = await fetch(`${API}/v1/checkout/sessions/${checkoutSessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ name: 'Grace Hopper', number, expMonth: 12, expYear: 2099, cvc: '123', ...more }),
  })
  if (!response.ok) throw new Error(`pay -> ${response.status} ${await response.text()}`)
  return (await response.json()) as CheckoutPayResult
}

/** A customer writing to Acme Coffee's WhatsApp number: a conversation on WhatsApp, window open from now. */
export async function whatsappCustomer(name: string, from = '15557654321', text = 'Hi, is my order on its way?'): Promise<string> {
  await call('POST', '/v1/mock/whatsapp/inbound', { from, name, text })
  const { conversations } = await call<{ conversations: ConversationSummary[] }>('GET', '/v1/operator/conversations')
  const found = conversations.find((c) => c.whatsapp?.id === from)
  if (!found) throw new Error(`no WhatsApp conversation from ${from}`)
  return found.id
}

export interface TemplateSpec {
  name: string
  body: string
  parameterFormat?: MessageTemplate['parameterFormat']
  category?: MessageTemplate['category']
  examples?: string[] | Record<string, string>
  header?: string
  footer?: string
  buttons?: Extract<TemplateComponent, { type: 'BUTTONS' }>['buttons']
  brandId?: string
}

/** A template created through the API and taken as far as `status` (created, submitted, reviewed). */
export async function templateIn(status: 'DRAFT' | 'PENDING' | 'APPROVED' | 'REJECTED', spec: TemplateSpec, reason?: string) {
  const format = spec.parameterFormat ?? 'POSITIONAL'
  const example = !spec.examples
    ? undefined
    : Array.isArray(spec.examples)
      ? { body_text: [spec.examples] }
      : { body_text_named_params: Object.entries(spec.examples).map(([param_name, example]) => ({ param_name, example })) }
  const components: TemplateComponent[] = [
    ...(spec.header ? [{ type: 'HEADER' as const, format: 'TEXT' as const, text: spec.header }] : []),
    { type: 'BODY', text: spec.body, ...(example ? { example } : {}) },
    ...(spec.footer ? [{ type: 'FOOTER' as const, text: spec.footer }] : []),
    ...(spec.buttons ? [{ type: 'BUTTONS' as const, buttons: spec.buttons }] : []),
  ]
  let template = await call<MessageTemplate>('POST', '/v1/operator/templates', {
    brandId: spec.brandId ?? 'brand_acme',
    name: spec.name,
    language: 'en_US',
    category: spec.category ?? 'UTILITY',
    parameterFormat: format,
    components,
  })
  if (status === 'DRAFT') return template
  template = await call<MessageTemplate>('POST', `/v1/operator/templates/${template.id}/submit`)
  if (status === 'PENDING') return template
  return call<MessageTemplate>('POST', `/v1/mock/templates/${template.id}/review`, { decision: status, ...(reason ? { reason } : {}) })
}

/** The console as the operator opens it, talking to the reference server; no storage unless given one. */
export function renderConsole(storage?: Storage) {
  return render(<ConsoleApp apiBase={API} storage={storage} />)
}

/** A localStorage of the test's own, which a second render of the console reads back. */
export function memoryStorage(): Storage & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  return {
    entries,
    get length() {
      return entries.size
    },
    key: (index) => [...entries.keys()][index] ?? null,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, String(value)),
    removeItem: (key) => void entries.delete(key),
    clear: () => entries.clear(),
  }
}

/** Clicks the conversation whose row names this visitor, and waits for its thread. */
export async function openConversation(visitor: string) {
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(visitor) }))
  await screen.findByRole('log', { name: 'Messages' })
}

/** The thread's messages as the operator reads them. */
export function threadTexts(): string[] {
  const log = screen.getByRole('log', { name: 'Messages' })
  return within(log)
    .queryAllByRole('listitem')
    .filter((item) => item.classList.contains('message'))
    .map((item) => item.textContent ?? '')
}

export function type(element: HTMLElement, value: string) {
  fireEvent.input(element, { target: { value } })
}

export function choose(element: HTMLElement, value: string) {
  fireEvent.change(element, { target: { value } })
}
