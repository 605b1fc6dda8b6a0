import { describe, expect, test } from 'vitest'
import { translator } from '../../src/i18n/translate'
import type { CheckoutSessionLink, PaymentRequest } from '../../src/protocol/types'
import { DEFAULT_RATE_LIMITS } from '../../src/server/rate-limit'
import { offersPayNow } from '../../src/store/can-pay'
import { statusLine } from '../../src/widget/status-line'
import { cancelCheckout, CARDS, payExpecting, transactionsOf, viewOf, visitorAtCheckout } from '../unit/reference-server/checkout-calls'
import { call, card, cardOf, checkout, pay, share, useReferenceServer } from '../unit/reference-server/harness'
import { mockControl } from './gateway-webhooks'

// Finding 2: 300 declined attempts in 1.6 s on one checkout session, all recorded, then `4242…` approved.
// The clock stands still, so a rate-limit bucket refills only when a test moves the clock.
const NOW = Date.UTC(2026, 5, 15, 9, 0, 0)
useReferenceServer({ now: () => NOW })

const declined = card(CARDS.declined)

/** Declined attempts on one session, each answered as a decline. */
async function decline(sessionId: string, times: number) {
  for (let i = 0; i < times; i++) await payExpecting(sessionId, declined, 'failed')
}

/** The card, as the visitor's widget reads it and says it. */
async function cardInChat(token: string, request: PaymentRequest) {
  const now = (await cardOf(token, request.id)).body
  return { status: now.status, payNow: offersPayNow(now), line: statusLine(now, translator('en'), 'Acme Coffee', 'en') }
}

describe('a checkout session takes at most 5 declined attempts', () => {
  test('the 6th pay is 429 too_many_attempts and the session is closed: a good card is refused too', async () => {
    const { sessionId } = await visitorAtCheckout()
    await decline(sessionId, 5)
    for (const attempt of [declined, card(CARDS.visa)]) {
      const answer = await pay(sessionId, attempt)
      expect([answer.status, answer.error?.code], answer.text).toEqual([429, 'too_many_attempts'])
      expect(answer.error?.message).toMatch(/too many declined attempts/i)
    }
    expect((await viewOf(sessionId)).body.status).toBe('expired')
  })

  test('the card says the payment was stopped and that the shop can send a new link; Pay now opens nothing', async () => {
    const { visitor, card: request, sessionId } = await visitorAtCheckout()
    await decline(sessionId, 5)
    expect(await cardInChat(visitor.token, request)).toEqual({
      status: 'failed',
      payNow: false,
      line: 'Payment stopped: too many declined attempts. Acme Coffee can send a new link.',
    })
    const reopened = await checkout(visitor.token, request.id)
    expect([reopened.status, reopened.error?.code]).toEqual([429, 'too_many_attempts'])
    expect((await cardOf(visitor.token, request.id)).body.status).toBe('failed')
  })

  test('only a new share opens a new session, which can be paid', async () => {
    const { visitor, sessionId } = await visitorAtCheckout()
    await decline(sessionId, 5)
    const fresh = await share(visitor.conversationId)
    const link = await checkout(visitor.token, fresh.id)
    expect(link.status, link.text).toBe(200)
    await payExpecting(link.body.checkoutSessionId, card(CARDS.visa), 'paid')
  })

  test('a failed bank step (3-D Secure) is a declined attempt too', async () => {
    const { sessionId } = await visitorAtCheckout()
    await decline(sessionId, 4)
    const step = await payExpecting(sessionId, card(CARDS.threeDSecure), 'requires_action')
    const failed = await call<{ outcome: string }>('POST', `/v1/checkout/sessions/${sessionId}/challenges/${step.challenge!.id}`, {
      body: { result: 'fail' },
      headers: { 'idempotency-key': crypto.randomUUID() },
    })
    expect(failed.body.outcome).toBe('failed')
    expect((await pay(sessionId, card(CARDS.visa))).error?.code).toBe('too_many_attempts')
  })
})

describe('one payment request takes at most 10 declined attempts, across its sessions', () => {
  test('4, 4 and 2 declines on three pages stop the card', async () => {
    const { visitor, card: request, sessionId: first } = await visitorAtCheckout()
    let sessionId = first
    for (const times of [4, 4]) {
      await decline(sessionId, times)
      await cancelCheckout(sessionId)
      const link = await checkout(visitor.token, request.id)
      expect(link.status, link.text).toBe(200)
      sessionId = (link.body as CheckoutSessionLink).checkoutSessionId
    }
    await decline(sessionId, 2)
    expect((await pay(sessionId, card(CARDS.visa))).error?.code).toBe('too_many_attempts')
    expect((await cardInChat(visitor.token, request)).payNow).toBe(false)
    expect((await checkout(visitor.token, request.id)).error?.code).toBe('too_many_attempts')
  })
})

describe('the pay route has a per-client rate limit', () => {
  /** The burst a client gets before it is slowed down. */
  const capacity = () => (DEFAULT_RATE_LIMITS.payPerIp as { capacity: number }).capacity
  // Calls refused as input (a number that fails the Luhn check) spend the bucket without reaching the gateway.
  const mistyped = card('4242 4242 4242 4241')

  test('past its burst, a client is told 429 rate_limited with Retry-After; waiting that long lets it pay', async () => {
    const { sessionId } = await visitorAtCheckout()
    for (let i = 0; i < capacity(); i++) expect((await pay(sessionId, mistyped)).status).toBe(400)
    const limited = await pay(sessionId, card(CARDS.visa))
    expect([limited.status, limited.error?.code]).toEqual([429, 'rate_limited'])
    const wait = Number(limited.headers.get('retry-after'))
    expect(wait).toBeGreaterThanOrEqual(1)
    await mockControl('POST', '/clock', { advanceMs: wait * 1000 })
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
  })

  test('another client is not slowed by the first', async () => {
    const { sessionId } = await visitorAtCheckout()
    for (let i = 0; i <= capacity(); i++) await pay(sessionId, mistyped)
    expect((await pay(sessionId, card(CARDS.visa))).status).toBe(429)
    const elsewhere = await call('POST', `/v1/checkout/sessions/${sessionId}/pay`, {
      body: card(CARDS.visa),
      headers: { 'idempotency-key': crypto.randomUUID(), 'x-paychat-client-ip': '203.0.113.9' },
    })
    expect(elsewhere.status, elsewhere.text).toBe(200)
  })
})

describe('declines, stops and limits all show in the transaction history', () => {
  const capacity = () => (DEFAULT_RATE_LIMITS.payPerIp as { capacity: number }).capacity

  test('5 declines, the stop, and the refused attempts after it (in a row, one entry)', async () => {
    const { visitor, sessionId } = await visitorAtCheckout()
    await decline(sessionId, 5)
    await pay(sessionId, declined)
    await pay(sessionId, card(CARDS.visa))
    const history = await transactionsOf(visitor.conversationId)
    expect(history.map((t) => [t.type, t.result, t.code])).toEqual([
      ...Array(5).fill(['sale', 'declined', 'card_declined']),
      ['sale', 'stopped', 'too_many_attempts'],
      ['sale', 'blocked', 'too_many_attempts'],
    ])
    expect(history.every((t) => !t.needsRefund)).toBe(true)
  })

  test('a client held back by the rate limit shows on the card it was paying', async () => {
    const { visitor, sessionId } = await visitorAtCheckout()
    for (let i = 0; i < capacity() + 3; i++) await pay(sessionId, card('4242 4242 4242 4241'))
    const history = await transactionsOf(visitor.conversationId)
    expect(history.map((t) => [t.result, t.code])).toEqual([['blocked', 'rate_limited']])
  })
})
