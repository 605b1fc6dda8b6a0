import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CheckoutPayBody } from '../../../src/protocol/types'
import type { GatewayEvent } from '../../../src/server/gateway/gateway-event'
import { signatureHeader } from '../../../src/server/gateway/signature'
import { openApiDocument } from '../../../src/server/openapi'
import { hmacSha256Hex } from '../../../src/server/whatsapp/signature'
import {
  CARDS,
  cancelCheckout,
  capture,
  completeChallenge,
  payExpecting,
  settle,
  transactionsOf,
  viewOf,
  visitorAtCheckout,
  voidHold,
  walletSignIn,
} from './checkout-calls'
import type { EventStream } from './event-stream'
import {
  advanceClock,
  asOperator,
  BASE,
  call,
  card,
  cardOf,
  checkout,
  messagesOf,
  OPERATOR_TOKEN,
  operatorStream,
  pay,
  send,
  share,
  startVisitor,
  useReferenceServer,
  visitorStream,
  type Answer,
} from './harness'
import { documentedRoutes, responseChecker, type Exchange } from './openapi-validator'

/**
 * A tour through the API with the test harness, as the widget, the checkout page, the operator console,
 * WhatsApp, the gateway and the mock controls call it. Every answer on the way (successes and
 * refusals) is recorded where it leaves `fetch` and checked against the served OpenAPI document: its
 * route and status must be documented, its content type too, and its JSON must match the schema
 * (closed types refuse undocumented fields). Events on both streams are checked against theirs.
 */
const state = useReferenceServer()

const exchanges: Exchange[] = []
let intercepted: typeof fetch

beforeAll(() => {
  // After the harness's beforeAll, so this wraps msw's interception.
  intercepted = globalThis.fetch
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await intercepted(input, init)
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
    const url = input instanceof Request ? input.url : String(input)
    const contentType = response.headers.get('content-type')
    // An event stream is never read here: its events are checked as the test reads them.
    const text = contentType?.startsWith('text/event-stream') ? null : await response.clone().text()
    exchanges.push({ method, url, status: response.status, contentType, headers: response.headers, text })
    return response
  }
})
afterAll(() => {
  globalThis.fetch = intercepted
})

/** Expects `status` and gives the body. */
function expectStatus<T>(answer: Answer<T>, status: number): T {
  expect(answer.status, answer.text).toBe(status)
  return answer.body
}

const operator = <T = any>(method: string, path: string, body?: unknown) => asOperator<T>(method, path, body)
/** Ana's token: an agent of Acme Coffee, refused the shop's settings and the mock controls. */
const AGENT_TOKEN = 'agent_ana_demo'
const nowSeconds = () => Math.floor(state.clock.now() / 1000)

async function visitorTour() {
  const visitor = await startVisitor()
  const conversationPath = `/v1/conversations/${visitor.conversationId}`
  const stream = await visitorStream(visitor.token, visitor.conversationId)

  expectStatus(await call('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo', sessionToken: visitor.token } }), 200)
  expectStatus(await call('POST', '/v1/sessions', { body: { widgetKey: 'wk_nobody' } }), 404)
  expectStatus(await call('POST', '/v1/sessions', { body: { widgetKey: 42 } }), 400)
  expectStatus(await call('POST', '/v1/sessions', { body: '{"widgetKey":' }), 400)
  expectStatus(await call('POST', '/v1/sessions', { body: { widgetKey: 'x'.repeat(70_000) } }), 413)
  // Identity verification, on a visitor of its own (the tour's visitor has its rate limit to spend).
  const identified = await startVisitor()
  const userHash = await hmacSha256Hex('idv_demo_acme', 'ada@example.com')
  expectStatus(await call('POST', '/v1/identify', { token: identified.token, body: { name: 'Ada', email: 'ada@example.com', userHash } }), 200)
  expectStatus(await call('POST', '/v1/identify', { token: identified.token, body: { email: 'ada@example.com', userHash: 'wrong' } }), 401)

  expectStatus(await send(visitor.token, visitor.conversationId, 'Hello, do you ship to Osaka?', 'tour-1'), 201)
  expectStatus(await send(visitor.token, visitor.conversationId, 'Hello, do you ship to Osaka?', 'tour-1'), 200)
  expectStatus(await send(visitor.token, visitor.conversationId, 'Something else', 'tour-1'), 422)
  expectStatus(await send(visitor.token, visitor.conversationId, 'x'.repeat(4001)), 422)
  expectStatus(await messagesOf(visitor.token, visitor.conversationId), 200)
  expectStatus(await messagesOf(visitor.token, visitor.conversationId, '?limit=0'), 400)
  expectStatus(await call('GET', `${conversationPath}/messages`), 401)
  expectStatus(await messagesOf(visitor.token, 'conv_nobody'), 404)
  const other = await startVisitor()
  expectStatus(await messagesOf(other.token, visitor.conversationId), 403)
  expectStatus(await call('POST', `${conversationPath}/handoff/whatsapp`, { token: visitor.token }), 200)
  const sakura = await startVisitor('wk_sakura')
  expectStatus(await call('POST', `/v1/conversations/${sakura.conversationId}/handoff/whatsapp`, { token: sakura.token }), 422)

  // A sale: declined, then the bank's extra step, then an extra payment; Cancel is too late then.
  const sale = await share(visitor.conversationId)
  expectStatus(await cardOf(visitor.token, sale.id), 200)
  expectStatus(await cardOf(other.token, sale.id), 403)
  expectStatus(await cardOf(visitor.token, 'pr_nobody'), 404)
  expectStatus(await call('POST', `/v1/payment-requests/${sale.id}/checkout`, { token: visitor.token }), 400)
  const link = expectStatus(await checkout(visitor.token, sale.id, 'tour-key'), 200)
  const sessionId = link.checkoutSessionId
  expectStatus(await viewOf(sessionId), 200)
  expectStatus(await viewOf('cs_nobody'), 404)
  await payExpecting(sessionId, card(CARDS.declined), 'failed')
  expectStatus(await pay(sessionId, card(CARDS.visa, { expMonth: 13 })), 400)
  expectStatus(await pay(sessionId, card(CARDS.visa, { amount: 999_999 })), 422)
  expectStatus(await pay(sessionId, card(CARDS.visa, { amount: 50 })), 422)
  expectStatus(await call('POST', `/v1/checkout/sessions/${sessionId}/pay`, { body: card(CARDS.visa) }), 400)
  const asked = await payExpecting(sessionId, card(CARDS.threeDSecure), 'requires_action')
  expectStatus(await viewOf(sessionId), 200)
  expectStatus(await completeChallenge(sessionId, asked.challenge!.id, 'pass'), 200)
  expectStatus(await completeChallenge(sessionId, asked.challenge!.id, 'pass'), 409)
  expectStatus(await completeChallenge(sessionId, 'chl_nobody', 'pass'), 404)
  expectStatus(await pay(sessionId, card(CARDS.visa)), 409)
  await payExpecting(sessionId, card(CARDS.visa, { extra: { label: 'Gift wrap', amount: 300 } }), 'paid')
  expectStatus(await call('POST', `/v1/payment-requests/${sale.id}/decline`, { token: visitor.token }), 409)
  expectStatus(await walletSignIn(sessionId), 200)
  expectStatus(await cancelCheckout(sessionId), 200)

  // Declined by the visitor, with the key of another card.
  const declined = await share(visitor.conversationId)
  expectStatus(await checkout(visitor.token, declined.id, 'tour-key'), 422)
  expectStatus(await checkout(visitor.token, declined.id), 200)
  expectStatus(await call('POST', `/v1/payment-requests/${declined.id}/decline`, { token: visitor.token }), 200)

  // Split across two cards, paid with the wallet, and a payment whose outcome is unknown until settled.
  const split = await share(visitor.conversationId)
  const splitLink = expectStatus(await checkout(visitor.token, split.id), 200)
  await payExpecting(splitLink.checkoutSessionId, card(CARDS.visa, { amount: 1000 }), 'paid')
  expectStatus(await call('POST', `/v1/payment-requests/${split.id}/decline`, { token: visitor.token }), 409)
  const wallet = expectStatus(await walletSignIn(splitLink.checkoutSessionId), 200)
  await payExpecting(splitLink.checkoutSessionId, { walletToken: wallet.walletToken, shippingAddress: wallet.addresses[1] }, 'paid')

  const unknown = await visitorAtCheckout()
  await payExpecting(unknown.sessionId, card(CARDS.unknown), 'unknown')
  expectStatus(await checkout(unknown.visitor.token, unknown.card.id), 409)
  expectStatus(await settle(unknown.card.id, 'paid'), 200)
  expectStatus(await settle(unknown.card.id, 'paid'), 409)
  expectStatus(await settle('pr_nobody', 'paid'), 404)

  // Card testing from another address (its own rate limit): 5 declines stop the page, and the card.
  const tested = await visitorAtCheckout()
  const payFrom = (body: CheckoutPayBody) =>
    call('POST', `/v1/checkout/sessions/${tested.sessionId}/pay`, {
      body,
      headers: { 'idempotency-key': crypto.randomUUID(), 'x-paychat-client-ip': '198.51.100.7' },
    })
  for (let i = 0; i < 5; i++) expectStatus(await payFrom(card(CARDS.declined)), 200)
  expectStatus(await payFrom(card(CARDS.visa)), 429)
  expectStatus(await checkout(tested.visitor.token, tested.card.id), 429)

  // 20 calls at once per session, then 1 a second: the next is 429 with Retry-After.
  const hurried = await startVisitor()
  let answer = await messagesOf(hurried.token, hurried.conversationId)
  for (let i = 0; i < 30 && answer.status !== 429; i++) answer = await messagesOf(hurried.token, hurried.conversationId)
  expectStatus(answer, 429)

  return { visitor, stream }
}

async function holdsAndSubscriptions(conversationId: string) {
  const authorized = await visitorAtCheckout('pp_house_blend', { transactionType: 'authorize' })
  await payExpecting(authorized.sessionId, card(CARDS.visa), 'paid')
  expectStatus(await capture(authorized.card.id), 200)
  expectStatus(await voidHold(authorized.card.id), 409)
  const held = await visitorAtCheckout('pp_house_blend', { transactionType: 'authorize' })
  await payExpecting(held.sessionId, card(CARDS.visa), 'paid')
  expectStatus(await voidHold(held.card.id), 200)
  expectStatus(await capture('pr_nobody'), 404)

  const saved = await visitorAtCheckout('pp_house_blend', { transactionType: 'save_card' })
  expectStatus(await viewOf(saved.sessionId), 200)
  await payExpecting(saved.sessionId, card(CARDS.mastercard), 'paid')

  const revoked = await share(conversationId)
  expectStatus(await operator('POST', `/v1/operator/payment-requests/${revoked.id}/revoke`), 200)
  expectStatus(await operator('POST', `/v1/operator/payment-requests/${revoked.id}/revoke`), 409)

  const recurring = await visitorAtCheckout('pp_coffee_club')
  const paid = await payExpecting(recurring.sessionId, card(CARDS.visa), 'paid')
  const subscriptionId = paid.paymentRequest.subscription!.id
  expectStatus(await asOperator('POST', `/v1/mock/subscriptions/${subscriptionId}/renewal-outcome`, { outcome: 'declined' }), 200)
  expectStatus(await asOperator('POST', '/v1/mock/subscriptions/sub_nobody/renewal-outcome', { outcome: 'declined' }), 404)
  expect(await transactionsOf(recurring.visitor.conversationId)).not.toEqual([])
  return { recurringConversation: recurring.visitor.conversationId }
}

async function operatorTour(conversationId: string) {
  const stream = await operatorStream()
  expectStatus(await call('GET', '/v1/operator/brands'), 401)
  expectStatus(await operator('GET', '/v1/operator/me'), 200)
  expectStatus(await call('GET', '/v1/operator/me', { token: AGENT_TOKEN }), 200)
  expectStatus(await operator('GET', '/v1/operator/brands'), 200)
  expectStatus(await operator('GET', '/v1/operator/conversations'), 200)
  expectStatus(await operator('GET', '/v1/operator/conversations?brandId=brand_acme'), 200)
  expectStatus(await operator('GET', `/v1/operator/conversations/${conversationId}/messages?limit=5`), 200)
  expectStatus(await operator('GET', `/v1/operator/conversations/${conversationId}/messages?before=msg_nobody`), 400)
  expectStatus(await operator('GET', '/v1/operator/conversations/conv_nobody/messages'), 404)
  expectStatus(await operator('POST', `/v1/operator/conversations/${conversationId}/messages`, { text: 'Yes, we do!' }), 201)
  expectStatus(await operator('POST', `/v1/operator/conversations/${conversationId}/messages`, { text: ' ' }), 400)

  expectStatus(await operator('GET', '/v1/operator/payment-pages?brandId=brand_acme'), 200)
  const page = expectStatus(
    await operator('POST', '/v1/operator/payment-pages', {
      brandId: 'brand_acme',
      title: 'Tasting flight',
      price: { amount: 1800, currency: 'USD' },
      billing: { type: 'one_time' },
    }),
    201,
  )
  expectStatus(await operator('POST', '/v1/operator/payment-pages', { ...page, brandId: 'brand_nobody' }), 422)
  expectStatus(await call('PATCH', `/v1/operator/payment-pages/${page.id}`, { token: AGENT_TOKEN, body: { title: 'Free' } }), 403)
  expectStatus(await operator('PATCH', `/v1/operator/payment-pages/${page.id}`, { title: 'Tasting flight for two' }), 200)
  expectStatus(await operator('PATCH', `/v1/operator/payment-pages/${page.id}`, {}), 400)
  expectStatus(await operator('DELETE', `/v1/operator/payment-pages/${page.id}`), 204)
  expectStatus(await operator('DELETE', `/v1/operator/payment-pages/${page.id}`), 404)

  expectStatus(await operator('GET', '/v1/operator/gateways'), 200)
  const gateway = { brandId: 'brand_sakura', provider: 'stripe', credentials: { publishableKey: 'pk_test_12345678', secretKey: 'sk_test_1234567890abcdef' } }
  expectStatus(await operator('POST', '/v1/operator/gateways', { ...gateway, surcharges: { amex: 250 } }), 201)
  expectStatus(await operator('POST', '/v1/operator/gateways', { ...gateway, provider: 'bank' }), 400)

  expectStatus(await operator('GET', `/v1/operator/conversations/${conversationId}/transactions`), 200)
  expectStatus(await operator('GET', '/v1/operator/conversations/conv_nobody/transactions'), 404)
  expectStatus(await operator('GET', '/v1/operator/operators'), 200)
  expectStatus(await operator('POST', `/v1/operator/conversations/${conversationId}/transfer`, { operatorId: 'op_kenji' }), 200)
  expectStatus(await operator('POST', `/v1/operator/conversations/${conversationId}/transfer`, { operatorId: 'op_nobody' }), 422)
  expectStatus(
    await operator('POST', `/v1/operator/conversations/${conversationId}/payment-requests`, {
      paymentPageId: 'pp_coffee_club',
      transactionType: 'authorize',
    }),
    422,
  )
  expectStatus(await operator('POST', `/v1/operator/conversations/${conversationId}/payment-requests`, { paymentPageId: 'pp_nobody' }), 404)

  // Saved replies.
  expectStatus(await operator('GET', '/v1/operator/canned-responses'), 200)
  const reply = expectStatus(
    await operator('POST', '/v1/operator/canned-responses', { name: 'Shipping', text: 'Hi {{contact.first_name}}, {{brand.name}} ships worldwide.' }),
    201,
  )
  expectStatus(await operator('POST', '/v1/operator/canned-responses', { name: 'shipping', text: 'Again' }), 409)
  expectStatus(await operator('GET', '/v1/operator/canned-responses?q=ship'), 200)
  expectStatus(await operator('PATCH', `/v1/operator/canned-responses/${reply.id}`, { name: 'Shipping abroad' }), 200)
  expectStatus(await operator('GET', `/v1/operator/canned-responses/${reply.id}/fill?conversationId=${conversationId}`), 200)
  expectStatus(await operator('GET', `/v1/operator/canned-responses/${reply.id}/fill`), 400)
  expectStatus(await operator('DELETE', `/v1/operator/canned-responses/${reply.id}`), 204)
  expectStatus(await operator('PATCH', `/v1/operator/canned-responses/${reply.id}`, { name: 'Gone' }), 404)

  // A template through its whole review, and one deleted as a draft.
  expectStatus(await operator('GET', '/v1/operator/templates?brandId=brand_acme'), 200)
  const draft = {
    brandId: 'brand_acme',
    name: 'tour_note',
    language: 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'A note' },
      { type: 'BODY', text: 'Hi {{1}}, thanks for visiting.', example: { body_text: [['Ada']] } },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Visit', url: 'https://acme.example/{{1}}', example: ['home'] }] },
    ],
  }
  const template = expectStatus(await operator('POST', '/v1/operator/templates', draft), 201)
  expectStatus(await operator('POST', '/v1/operator/templates', draft), 409)
  expectStatus(await operator('POST', '/v1/operator/templates', { ...draft, name: 'Bad Name' }), 400)
  expectStatus(await operator('PATCH', `/v1/operator/templates/${template.id}`, { category: 'MARKETING' }), 200)
  expectStatus(await operator('POST', `/v1/operator/templates/${template.id}/submit`), 200)
  expectStatus(await operator('POST', `/v1/operator/templates/${template.id}/submit`), 409)
  expectStatus(await asOperator('POST', `/v1/mock/templates/${template.id}/review`, { decision: 'APPROVED' }), 200)
  expectStatus(await asOperator('POST', `/v1/mock/templates/${template.id}/review`, { decision: 'APPROVED' }), 409)
  expectStatus(await asOperator('POST', `/v1/mock/templates/${template.id}/quality`, { status: 'PAUSED' }), 200)
  expectStatus(await asOperator('POST', `/v1/mock/templates/${template.id}/quality`, { status: 'APPROVED' }), 200)
  expectStatus(await asOperator('POST', '/v1/mock/templates/tpl_nobody/quality', { status: 'PAUSED' }), 404)
  expectStatus(await operator('PATCH', `/v1/operator/templates/${template.id}`, { category: 'UTILITY' }), 409)
  const scrap = expectStatus(await operator('POST', '/v1/operator/templates', { ...draft, name: 'tour_scrap' }), 201)
  expectStatus(await operator('DELETE', `/v1/operator/templates/${scrap.id}`), 204)
  expectStatus(await operator('DELETE', `/v1/operator/templates/${scrap.id}`), 404)

  // Credits.
  expectStatus(await operator('GET', '/v1/operator/credits'), 200)
  expectStatus(await operator('POST', '/v1/operator/credits/purchase', { amount: 100 }), 200)
  expectStatus(await operator('POST', '/v1/operator/credits/purchase', { amount: 0 }), 400)
  expectStatus(await operator('PUT', '/v1/operator/credits/auto-recharge', { enabled: true, minimumBalance: 20, rechargeAmount: 100 }), 200)
  return { stream }
}

async function whatsappTour() {
  // A web visitor continues on WhatsApp: the handoff code in the first message links the contact.
  const visitor = await startVisitor()
  const handoff = expectStatus(
    await call<{ code: string }>('POST', `/v1/conversations/${visitor.conversationId}/handoff/whatsapp`, { token: visitor.token }),
    200,
  )
  const from = '15551234567'
  expectStatus(await asOperator('POST', '/v1/mock/whatsapp/inbound', { from, name: 'Kenji Sato', text: `Hi! (code ${handoff.code})` }), 200)
  expectStatus(await asOperator('POST', '/v1/mock/whatsapp/inbound', { from, text: 'Hello', to: '19999999999' }), 422)
  const conversationId = visitor.conversationId
  expectStatus(await operator('POST', `/v1/operator/conversations/${conversationId}/messages`, { text: 'Hi Kenji!' }), 201)
  expectStatus(await operator('POST', `/v1/operator/conversations/${conversationId}/payment-requests`, { paymentPageId: 'pp_house_blend' }), 201)
  expectStatus(
    await operator('POST', `/v1/operator/conversations/${conversationId}/templates`, {
      templateId: 'tpl_follow_up',
      parameters: { first_name: '{{contact.first_name}}', product: 'House blend' },
    }),
    201,
  )
  expectStatus(await operator('POST', `/v1/operator/conversations/${conversationId}/templates`, { templateId: 'tpl_follow_up', parameters: ['a', 'b'] }), 422)
  expectStatus(await operator('POST', `/v1/operator/conversations/${conversationId}/templates`, { templateId: 'tpl_nobody' }), 404)
  const web = await startVisitor()
  expectStatus(
    await operator('POST', `/v1/operator/conversations/${web.conversationId}/payment-requests`, {
      paymentPageId: 'pp_house_blend',
      whatsapp: { templateId: 'tpl_payment_link' },
    }),
    422,
  )

  const outbox = expectStatus(await asOperator<{ messages: any[] }>('GET', '/v1/mock/whatsapp/outbox'), 200).messages
  expectStatus(await asOperator('POST', `/v1/mock/whatsapp/outbox/${outbox[0].id}/status`, { status: 'delivered' }), 200)
  expectStatus(await asOperator('POST', `/v1/mock/whatsapp/outbox/${outbox[0].id}/status`, { status: 'failed' }), 200)
  expectStatus(await asOperator('POST', '/v1/mock/whatsapp/outbox/wamid_nobody/status', { status: 'read' }), 404)

  // The card's Pay button opens its checkout; withdrawn, the link says so.
  const payLink = outbox.find((m) => m.type === 'interactive').request.interactive.action.parameters.url as string
  const follow = (url: string) => fetch(url, { redirect: 'manual' })
  expect((await follow(payLink)).status).toBe(303)
  expect((await follow(`${BASE}/pay/pl_nobody`)).status).toBe(404)
  const shared = (await operator<{ messages: any[] }>('GET', `/v1/operator/conversations/${conversationId}/messages`)).body.messages.find(
    (m) => m.type === 'payment_request',
  ).paymentRequest
  expectStatus(await operator('POST', `/v1/operator/payment-requests/${shared.id}/revoke`), 200)
  expect((await follow(payLink)).status).toBe(410)

  // Meta's webhook: the handshake and signed deliveries.
  const verify = (token: string) => call('GET', `/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`)
  expect((await verify(state.whatsapp.verifyToken)).text).toBe('1158201444')
  expectStatus(await verify('wrong'), 403)
  const delivery = JSON.stringify({ object: 'whatsapp_business_account', entry: [] })
  const signature = `sha256=${await hmacSha256Hex(state.whatsapp.appSecret, delivery)}`
  expectStatus(await call('POST', '/v1/webhooks/whatsapp', { body: delivery, headers: { 'x-hub-signature-256': signature } }), 200)
  expectStatus(await call('POST', '/v1/webhooks/whatsapp', { body: delivery, headers: { 'x-hub-signature-256': 'sha256=00' } }), 401)

  // The simulated Cloud API at Graph's own path.
  const graph = '/v1/mock/graph/v21.0/pn_15550001234/messages'
  const text = { messaging_product: 'whatsapp', to: from, type: 'text', text: { body: 'Your order shipped.' } }
  expectStatus(await call('POST', graph, { token: OPERATOR_TOKEN, body: text }), 200)
  expectStatus(await call('POST', graph, { body: text }), 401)
  expectStatus(await call('POST', graph, { token: AGENT_TOKEN, body: text }), 403)
  expectStatus(await call('POST', graph, { token: OPERATOR_TOKEN, body: { ...text, type: 'video' } }), 400)
  expectStatus(await call('POST', graph, { token: OPERATOR_TOKEN, body: { ...text, to: '19999999999' } }), 400)
}

async function gatewayAndClock() {
  const secret = expectStatus(await asOperator<{ secret: string }>('POST', '/v1/mock/gateway/rotate-secret'), 200).secret
  expectStatus(await call('GET', '/v1/mock/clock', { token: AGENT_TOKEN }), 403)
  const event: GatewayEvent = {
    id: 'evt_tour1',
    type: 'charge.failed',
    created: nowSeconds(),
    data: {
      paymentRequestId: 'pr_nobody',
      reference: 'ch_tour1',
      amount: { amount: 100, currency: 'USD' },
      card: null,
      failure: { code: 'card_declined', message: 'Declined.' },
    },
  }
  const raw = JSON.stringify(event)
  const deliver = async (signature: string) => call('POST', '/v1/webhooks/gateway', { body: raw, headers: { 'paychat-signature': signature } })
  expect(expectStatus(await deliver(await signatureHeader([secret], raw, nowSeconds())), 200)).toEqual({ received: true, duplicate: false })
  expect(expectStatus(await deliver(await signatureHeader([secret], raw, nowSeconds())), 200)).toEqual({ received: true, duplicate: true })
  expectStatus(await deliver('t=1,v1=00'), 400)

  // Events that do not agree with the attempts the gateway made change nothing.
  const { card: shared, sessionId } = await visitorAtCheckout()
  const charge = (await payExpecting(sessionId, card(CARDS.visa), 'paid')).charge!
  const about = async (reference: string) => {
    const failed = JSON.stringify({ ...event, id: `evt_${reference}`, data: { ...event.data, paymentRequestId: shared.id, reference, amount: charge.amount } })
    return call('POST', '/v1/webhooks/gateway', { body: failed, headers: { 'paychat-signature': await signatureHeader([secret], failed, nowSeconds()) } })
  }
  expectStatus(await about('ch_nobody'), 422)
  expectStatus(await about(charge.reference), 409)

  expectStatus(await asOperator('GET', '/v1/mock/clock'), 200)
  await advanceClock(62 * 24 * 3_600_000)
  expectStatus(await asOperator('POST', '/v1/mock/clock', { advanceMs: -1 }), 400)
}

/** Everything the streams delivered by now (waits a little for the last ones). */
async function drain(stream: EventStream) {
  const events = []
  for (let batch = await stream.next(1000, 50); batch.length; batch = await stream.next(1000, 50)) events.push(...batch)
  return events
}

describe('answers match the OpenAPI document', () => {
  test('a tour through every route: each answer’s status, content type and JSON are the documented ones', { timeout: 20_000 }, async () => {
    const document = expectStatus(await call<ReturnType<typeof openApiDocument>>('GET', '/openapi.json'), 200)
    expectStatus(await call('GET', '/v1/openapi.json'), 200)
    const checker = responseChecker(document)

    const { visitor, stream: visitorEvents } = await visitorTour()
    await holdsAndSubscriptions(visitor.conversationId)
    const { stream: operatorEvents } = await operatorTour(visitor.conversationId)
    await whatsappTour()
    await gatewayAndClock()

    const visitorPath = `/v1/conversations/${visitor.conversationId}/events`
    const conversationEvents = await drain(visitorEvents)
    const allEvents = await drain(operatorEvents)
    expect(conversationEvents.length).toBeGreaterThan(10)
    expect(new Set(allEvents.map((e) => e.event)).size).toBeGreaterThanOrEqual(6)
    const problems = [
      ...exchanges.flatMap((exchange) => checker.problemsOf(exchange)),
      ...conversationEvents.flatMap((e) => checker.eventProblems('GET', visitorPath, e.data)),
      ...allEvents.flatMap((e) => checker.eventProblems('GET', '/v1/operator/events', e.data)),
    ]
    expect(problems, problems.join('\n')).toEqual([])

    expectStatus(await asOperator('POST', '/v1/mock/reset'), 204)
    expect(checker.problemsOf(exchanges.at(-1)!)).toEqual([])

    // Every route was called, and answered with at least one documented success.
    const reached = new Map<string, Set<number>>()
    for (const { method, url, status } of exchanges) {
      const route = checker.routeOf(method, new URL(url).pathname)
      if (route) reached.set(route.key, new Set([...(reached.get(route.key) ?? []), status]))
    }
    const missed = documentedRoutes(document)
      .map((route) => route.key)
      .filter((key) => ![...(reached.get(key) ?? [])].some((status) => status < 400))
    expect(missed, 'routes the tour did not reach with a success').toEqual([])
    // And the refusals on the way were of many kinds.
    const statuses = new Set(exchanges.map((e) => e.status))
    for (const status of [400, 401, 403, 404, 409, 410, 413, 422, 429]) expect(statuses, String(status)).toContain(status)
  })
})
