import { describe, expect, test } from 'vitest'
import type { Charge, PaymentRequest } from '../../../src/protocol/types'
import type { GatewayEvent } from '../../../src/server/gateway/gateway-event'
import { activeSecrets } from '../../../src/server/gateway/gateway-state'
import { signatureHeader } from '../../../src/server/gateway/signature'
import { hmacSha256Hex } from '../../../src/server/whatsapp/signature'
import { CARDS, payExpecting, transactionsOf, visitorAtCheckout } from './checkout-calls'
import { advanceClock, asOperator, call, card, cardOf, HOUR, MINUTE, useReferenceServer } from './harness'

// A clock that stands still on a whole second, so a timestamp's distance from it is exact.
const NOW = Date.UTC(2026, 5, 15, 9, 0, 0)
const state = useReferenceServer({ now: () => NOW, rateLimits: false })

const nowSeconds = () => Math.floor(state.clock.now() / 1000)

/** The secrets the server accepts now, current first: a test reads them from its own server, as a merchant knows its own. */
const secrets = () => activeSecrets(state.gateway, state.clock.now())

const deliver = (raw: string, signature?: string) =>
  call<{ received: boolean; duplicate: boolean }>('POST', '/v1/webhooks/gateway', {
    body: raw,
    headers: signature === undefined ? {} : { 'paychat-signature': signature },
  })

/** Signs `raw` as the gateway does, with `keys` (the current secret by default), `skew` seconds off the server clock. */
async function signed(raw: string, { keys, skew = 0 }: { keys?: string[]; skew?: number } = {}) {
  return signatureHeader(keys ?? [secrets()[0]!], raw, nowSeconds() + skew)
}

/**
 * The `charge.succeeded` settling attempt `reference` (the whole price of `request`) as the gateway
 * would send it; a fresh event id unless given.
 */
function chargeSucceeded(request: PaymentRequest, reference: string, id = `evt_${crypto.randomUUID().replace(/-/g, '')}`): string {
  const charge: Charge = {
    reference,
    kind: 'balance',
    label: null,
    amount: request.price,
    surcharge: { amount: 0, currency: request.price.currency },
    method: 'card',
    cardBrand: 'visa',
    last4: '0119',
    at: state.clock.iso(),
  }
  const event: GatewayEvent = {
    id,
    type: 'charge.succeeded',
    created: nowSeconds(),
    data: { paymentRequestId: request.id, reference, amount: request.price, card: { cardBrand: 'visa', last4: '0119' }, charge },
  }
  return JSON.stringify(event)
}

/**
 * A card whose payment the gateway could not finish (its outcome unknown), and the event that tells it
 * was paid: events must be about an attempt the gateway made (inconsistent-gateway-events.test.ts).
 */
async function openCard() {
  const { visitor, card: request, sessionId } = await visitorAtCheckout()
  const reference = (await payExpecting(sessionId, card(CARDS.unknown), 'unknown')).paymentRequest.failure!.reference!
  const raw = chargeSucceeded(request, reference)
  const statusNow = async () => (await cardOf(visitor.token, request.id)).body.status
  return { visitor, request, reference, raw, statusNow }
}

describe('a verified event moves the payment request', () => {
  test('signed with the current secret: 200 received, and the request is paid with its transaction recorded', async () => {
    const { visitor, raw, statusNow } = await openCard()
    const answer = await deliver(raw, await signed(raw))
    expect([answer.status, answer.body]).toEqual([200, { received: true, duplicate: false }])
    expect(await statusNow()).toBe('paid')
    expect(await transactionsOf(visitor.conversationId)).toMatchObject([
      { type: 'sale', result: 'unknown' },
      { type: 'sale', result: 'approved' },
    ])
  })

  test('several v1 where only one matches is accepted, wherever the match stands', async () => {
    for (const order of ['first', 'last']) {
      const { raw, statusNow } = await openCard()
      const right = (await signed(raw)).split(',')[1]!
      const wrong = `v1=${'0'.repeat(64)}`
      const header = [`t=${nowSeconds()}`, ...(order === 'first' ? [right, wrong] : [wrong, right])].join(',')
      expect((await deliver(raw, header)).status, order).toBe(200)
      expect(await statusNow()).toBe('paid')
    }
  })

  test('an event for a request the server does not know is acknowledged and changes nothing', async () => {
    const raw = chargeSucceeded({ id: 'pr_nobody', price: { amount: 100, currency: 'USD' } } as PaymentRequest, 'ch_nobody')
    expect((await deliver(raw, await signed(raw))).body).toEqual({ received: true, duplicate: false })
  })
})

describe('the timestamp is within 5 minutes of the server clock, either way', () => {
  test.each([-299, -300, 299, 300])('%i s off is accepted', async (skew) => {
    const { raw, statusNow } = await openCard()
    expect((await deliver(raw, await signed(raw, { skew }))).status).toBe(200)
    expect(await statusNow()).toBe('paid')
  })

  test.each([-301, 301, -86_400])('%i s off is 400 timestamp_out_of_tolerance and changes nothing', async (skew) => {
    const { raw, statusNow } = await openCard()
    const answer = await deliver(raw, await signed(raw, { skew }))
    expect([answer.status, answer.error?.code]).toEqual([400, 'timestamp_out_of_tolerance'])
    expect(await statusNow()).toBe('unknown')
  })
})

describe('a signature that does not match is refused: 400 signature_invalid, nothing changes', () => {
  test('made with another secret', async () => {
    const { raw, statusNow } = await openCard()
    const answer = await deliver(raw, await signed(raw, { keys: ['whsec_guessed'] }))
    expect([answer.status, answer.error?.code]).toEqual([400, 'signature_invalid'])
    expect(await statusNow()).toBe('unknown')
  })

  test('of another body (the amount changed on the way)', async () => {
    const { request, raw, statusNow } = await openCard()
    const tampered = raw.replace(`"amount":${request.price.amount}`, '"amount":1')
    expect(tampered).not.toBe(raw)
    const answer = await deliver(tampered, await signed(raw))
    expect([answer.status, answer.error?.code]).toEqual([400, 'signature_invalid'])
    expect(await statusNow()).toBe('unknown')
  })

  test('over the body alone, without the timestamp (the signed payload is "t.body")', async () => {
    const { raw, statusNow } = await openCard()
    const bodyOnly = await hmacSha256Hex(secrets()[0]!, raw)
    const answer = await deliver(raw, `t=${nowSeconds()},v1=${bodyOnly}`)
    expect([answer.status, answer.error?.code]).toEqual([400, 'signature_invalid'])
    expect(await statusNow()).toBe('unknown')
  })

  test.each([
    ['no header at all', () => undefined],
    ['an empty header', () => ''],
    ['garbage', () => 'sha256=abc'],
    ['no timestamp', (valid: string) => valid.split(',').slice(1).join(',')],
    ['no v1', () => `t=${nowSeconds()}`],
    ['a timestamp that is not a number', (valid: string) => valid.replace(/^t=\d+/, 't=soon')],
    ['a v1 that is not 64 hex characters', () => `t=${nowSeconds()},v1=xyz`],
    ['the right signature under another scheme', (valid: string) => valid.replace('v1=', 'v0=')],
  ])('a malformed header: %s', async (_case, header) => {
    const { raw, statusNow } = await openCard()
    const answer = await deliver(raw, header(await signed(raw)))
    expect([answer.status, answer.error?.code]).toEqual([400, 'signature_invalid'])
    expect(await statusNow()).toBe('unknown')
  })

  test('the browser cannot mark a request paid: it has no secret, and no other route takes an outcome', async () => {
    const { visitor, request, raw, statusNow } = await openCard()
    for (const header of [undefined, `t=${nowSeconds()},v1=${'a'.repeat(64)}`]) {
      expect((await deliver(raw, header)).status).toBe(400)
    }
    const pageClaims = await call('POST', `/v1/payment-requests/${request.id}/outcome`, { token: visitor.token, body: { outcome: 'paid' } })
    expect(pageClaims.status).toBe(404)
    expect(await statusNow()).toBe('unknown')
    expect((await transactionsOf(visitor.conversationId)).map((t) => t.result)).toEqual(['unknown'])
  })
})

describe('a signed body that is not an event is refused after the signature check', () => {
  test.each([
    ['not JSON', 'not json', 'invalid_json'],
    ['an event of an unknown type', JSON.stringify({ id: 'evt_x', type: 'charge.refunded', created: 0, data: {} }), 'validation_failed'],
  ])('%s is 400', async (_case, raw, code) => {
    const answer = await deliver(raw, await signed(raw))
    expect([answer.status, answer.error?.code]).toEqual([400, code])
  })
})

describe('rotating the webhook secret', () => {
  test('both the old and the new secret are accepted for 24 h, then only the new one', async () => {
    const [old] = secrets()
    const rotated = await asOperator<{ secret: string }>('POST', '/v1/mock/gateway/rotate-secret')
    const fresh = rotated.body.secret
    expect(fresh).toMatch(/^whsec_/)
    expect(secrets()).toEqual([fresh, old])

    const accepted = async (key: string) => {
      const { raw, statusNow } = await openCard()
      const answer = await deliver(raw, await signed(raw, { keys: [key] }))
      return answer.status === 200 && (await statusNow()) === 'paid'
    }
    expect([await accepted(old!), await accepted(fresh)]).toEqual([true, true])
    await advanceClock(24 * HOUR - MINUTE)
    expect([await accepted(old!), await accepted(fresh)]).toEqual([true, true])
    await advanceClock(MINUTE)
    expect([await accepted(old!), await accepted(fresh)]).toEqual([false, true])
    expect(secrets()).toEqual([fresh])
  })

  test('the gateway signs with both while rotating, so payments go on being taken', async () => {
    await asOperator('POST', '/v1/mock/gateway/rotate-secret')
    const { sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
  })
})

describe('each event is processed once, by its id', () => {
  test('a redelivery answers duplicate and records no second transaction nor charge', async () => {
    const { visitor, request, raw } = await openCard()
    const first = await deliver(raw, await signed(raw))
    await advanceClock(MINUTE)
    const again = await deliver(raw, await signed(raw))
    expect([first.body.duplicate, again.status, again.body.duplicate]).toEqual([false, 200, true])

    expect(await transactionsOf(visitor.conversationId)).toHaveLength(2)
    const paid = (await cardOf(visitor.token, request.id)).body
    expect(paid.charges).toHaveLength(1)
    expect(paid.amountPaid).toEqual(request.price)
  })

  test('another event id with the same content is another event: a second outcome of its attempt, refused', async () => {
    const { visitor, request, reference } = await openCard()
    const [first, second] = [chargeSucceeded(request, reference), chargeSucceeded(request, reference)]
    expect((await deliver(first, await signed(first))).body.duplicate).toBe(false)
    const again = await deliver(second, await signed(second))
    expect([again.status, again.error?.code], again.text).toEqual([409, 'invalid_transition'])
    expect((await cardOf(visitor.token, request.id)).body.amountPaid).toEqual(request.price)
  })
})
