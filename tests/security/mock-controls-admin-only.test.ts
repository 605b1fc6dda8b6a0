import { describe, expect, test } from 'vitest'
import type { Charge, PaymentRequest } from '../../src/protocol/types'
import type { GatewayEvent } from '../../src/server/gateway/gateway-event'
import { signatureHeader } from '../../src/server/gateway/signature'
import { createHandlers } from '../../src/server/index'
import { CARDS, payExpecting, visitorAtCheckout } from '../unit/reference-server/checkout-calls'
import { BASE, call, cardOf, dumpState, OPERATOR_TOKEN, startVisitor, useReferenceServer } from '../unit/reference-server/harness'

/**
 * Finding 1: the mock controls were open to anyone who could reach the server. The gateway's webhook
 * secret could be read from one of them and used to sign a `charge.succeeded`, which paid a card with
 * nothing charged; others settled unknown payments as paid, wiped every conversation, moved the clock
 * and posed as any WhatsApp number. Now every one of them is the admin's alone.
 */
const state = useReferenceServer({ gatewayWebhookSecret: 'whsec_only_the_server_knows', rateLimits: false })

const AGENT_TOKEN = 'agent_ana_demo'
const FOREIGN_ORIGIN = 'https://attacker.example'

const MOCK_ROUTES = createHandlers({ state }).flatMap(({ info }) =>
  typeof info.method === 'string' && typeof info.path === 'string' && info.path.startsWith('*/v1/mock/')
    ? [{ method: info.method, path: info.path.slice(1).replace(/:[A-Za-z]+/g, 'x_probe') }]
    : [],
)

/** A `charge.succeeded` for the whole price, as an attacker who knew a webhook secret would sign it. */
async function forgedChargeSucceeded(request: PaymentRequest, secret: string) {
  const now = Math.floor(state.clock.now() / 1000)
  const charge: Charge = {
    reference: 'ch_forged',
    kind: 'balance',
    label: null,
    amount: request.price,
    surcharge: { amount: 0, currency: request.price.currency },
    method: 'card',
    cardBrand: 'visa',
    last4: '4242',
    at: state.clock.iso(),
  }
  const event: GatewayEvent = {
    id: 'evt_forged',
    type: 'charge.succeeded',
    created: now,
    data: { paymentRequestId: request.id, reference: charge.reference, amount: request.price, card: { cardBrand: 'visa', last4: '4242' }, charge },
  }
  const raw = JSON.stringify(event)
  return call('POST', '/v1/webhooks/gateway', { body: raw, headers: { 'paychat-signature': await signatureHeader([secret], raw, now) } })
}

describe('the forged payment of finding 1', () => {
  test('nobody can read the gateway webhook secret from the server, so nobody can sign a charge.succeeded and mark a card paid', async () => {
    const { visitor, card } = await visitorAtCheckout()
    // As the attacker did it: read the secret from the open mock route, then sign an event with it.
    for (const token of [undefined, AGENT_TOKEN, visitor.token, OPERATOR_TOKEN]) {
      const answer = await call<{ secrets?: string[] }>('GET', '/v1/mock/gateway/webhook-secrets', token ? { token } : {})
      expect([token, answer.status]).toEqual([token, 404])
      expect(answer.text).not.toContain('whsec_only_the_server_knows')
      for (const leaked of answer.body?.secrets ?? []) await forgedChargeSucceeded(card, leaked)
    }
    // Signed with the public demo secret, which this server does not use, the event is refused.
    const withDemoSecret = await forgedChargeSucceeded(card, 'whsec_paychat_demo')
    expect([withDemoSecret.status, withDemoSecret.error?.code]).toEqual([400, 'signature_invalid'])
    expect((await cardOf(visitor.token, card.id)).body.status).toBe('checkout_open')
  })

  test('the secret is the one the server was created with: an event the simulated gateway signs with it still pays the card', async () => {
    const { visitor, card, sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, { name: 'Ada', number: CARDS.visa, expMonth: 12, expYear: 2099, cvc: '123' }, 'paid')
    expect((await cardOf(visitor.token, card.id)).body.status).toBe('paid')
  })
})

describe('every mock route is the admin’s alone', () => {
  test('the routes were read from the handlers', () => {
    expect(MOCK_ROUTES.length).toBeGreaterThan(8)
    expect(MOCK_ROUTES.some(({ path }) => path.startsWith('/v1/mock/graph/'))).toBe(true)
  })

  test.each(MOCK_ROUTES)('$method $path: 401 without a token, with a visitor token or an unknown one, and nothing changes', async ({ method, path }) => {
    const { token: visitorToken } = await startVisitor()
    const before = dumpState(state)
    for (const token of [undefined, visitorToken, 'op_guess']) {
      const answer = await call(method, path, { ...(token ? { token } : {}), ...(method === 'GET' ? {} : { body: {} }) })
      expect([token, answer.status]).toEqual([token, 401])
    }
    expect(dumpState(state)).toBe(before)
  })

  test.each(MOCK_ROUTES)('$method $path: 403 forbidden with an agent’s token, and nothing changes', async ({ method, path }) => {
    await startVisitor()
    const before = dumpState(state)
    const answer = await call(method, path, { token: AGENT_TOKEN, ...(method === 'GET' ? {} : { body: {} }) })
    expect(answer.status, answer.text).toBe(403)
    // The simulated Graph API answers in Meta's envelope; every other control in Paychat's.
    if (!path.startsWith('/v1/mock/graph/')) expect(answer.error?.code).toBe('forbidden')
    expect(dumpState(state)).toBe(before)
  })

  test('settling a payment as paid, resetting, moving the clock and posing as a WhatsApp number are refused without the admin token', async () => {
    const { visitor, card, sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, { name: 'Ada', number: CARDS.unknown, expMonth: 12, expYear: 2099, cvc: '123' }, 'unknown')
    const clockBefore = state.clock.now()
    const conversations = state.conversations.size
    for (const token of [undefined, AGENT_TOKEN]) {
      const auth = token ? { token } : {}
      expect((await call('POST', `/v1/mock/payment-requests/${card.id}/settle`, { ...auth, body: { outcome: 'paid' } })).status).toBeGreaterThanOrEqual(401)
      expect((await call('POST', '/v1/mock/reset', auth)).status).toBeGreaterThanOrEqual(401)
      expect((await call('POST', '/v1/mock/clock', { ...auth, body: { advanceMs: 86_400_000 } })).status).toBeGreaterThanOrEqual(401)
      expect((await call('POST', '/v1/mock/whatsapp/inbound', { ...auth, body: { from: '15550009999', text: 'I am your customer' } })).status).toBeGreaterThanOrEqual(401)
    }
    expect((await cardOf(visitor.token, card.id)).body.status).toBe('unknown')
    expect(state.conversations.size).toBe(conversations)
    expect(state.clock.now() - clockBefore).toBeLessThan(60_000)
  })

  test('the admin token works as before', async () => {
    const { visitor, card, sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, { name: 'Ada', number: CARDS.unknown, expMonth: 12, expYear: 2099, cvc: '123' }, 'unknown')
    const settled = await call<PaymentRequest>('POST', `/v1/mock/payment-requests/${card.id}/settle`, { token: OPERATOR_TOKEN, body: { outcome: 'paid' } })
    expect(settled.status, settled.text).toBe(200)
    expect((await cardOf(visitor.token, card.id)).body.status).toBe('paid')
    expect((await call('GET', '/v1/mock/clock', { token: OPERATOR_TOKEN })).status).toBe(200)
    expect((await call('POST', '/v1/mock/reset', { token: OPERATOR_TOKEN })).status).toBe(204)
    expect(state.conversations.size).toBe(0)
  })
})

describe('mock answers are not readable by other origins', () => {
  // The console that uses them is served by this server, so it calls them from its own origin and needs no CORS.
  test('an answer to a page of another origin carries no Access-Control-Allow-Origin, even with the admin token', async () => {
    for (const token of [undefined, OPERATOR_TOKEN]) {
      const answer = await call('GET', '/v1/mock/clock', { ...(token ? { token } : {}), headers: { origin: FOREIGN_ORIGIN } })
      expect(answer.headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  test('a preflight from another origin is not allowed', async () => {
    const res = await fetch(`${BASE}/v1/mock/reset`, {
      method: 'OPTIONS',
      headers: { origin: FOREIGN_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('the operator API keeps its CORS (the console may live on another origin; the token is its permission)', async () => {
    const answer = await call('GET', '/v1/operator/brands', { token: OPERATOR_TOKEN, headers: { origin: FOREIGN_ORIGIN } })
    expect(answer.headers.get('access-control-allow-origin')).toBe(FOREIGN_ORIGIN)
  })
})
