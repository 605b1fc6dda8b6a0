import { afterEach, describe, expect, test, vi } from 'vitest'
import type { PaymentRequest } from '../../src/protocol/types'
import { CARDS, payExpecting, transactionsOf, visitorAtCheckout, voidHold } from '../unit/reference-server/checkout-calls'
import { asOperator, call, card, HOUR, share, startVisitor, useReferenceServer } from '../unit/reference-server/harness'
import { cardNow, chargeSucceeded, eventId, eventJson, gatewayWebhooks, mockControl, moneyState, unknownAttempt } from './gateway-webhooks'

// Finding 6: verified events were not checked against the card. A signed `charge.captured` turned a
// visitor-declined card into `paid`; a signed `charge.succeeded` of amount 1 marked a $24.50 card paid.
const state = useReferenceServer({ gatewayWebhookSecret: 'whsec_security_inconsistent' })
const deliver = gatewayWebhooks(state)

afterEach(() => vi.restoreAllMocks())

describe('an event must name an attempt the gateway made for that card: else 422 unknown_attempt', () => {
  test('a charge.captured for a card the visitor cancelled leaves it cancelled', async () => {
    const visitor = await startVisitor()
    const request = await share(visitor.conversationId)
    await call('POST', `/v1/payment-requests/${request.id}/decline`, { token: visitor.token })
    const before = moneyState(state)
    const answer = await deliver(
      eventJson('charge.captured', { paymentRequestId: request.id, reference: 'ch_forged', amount: request.price, card: null }),
    )
    expect([answer.status, answer.error?.code, answer.error?.field]).toEqual([422, 'unknown_attempt', 'data.reference'])
    expect((await cardNow(visitor.token, request)).status).toBe('declined')
    expect(moneyState(state)).toBe(before)
  })

  test("an attempt of another card does not pay this one", async () => {
    const mine = await unknownAttempt()
    const other = await unknownAttempt()
    const answer = await deliver(eventJson('charge.succeeded', { ...other.settled, paymentRequestId: mine.request.id }))
    expect([answer.status, answer.error?.code]).toEqual([422, 'unknown_attempt'])
    expect((await cardNow(mine.visitor.token, mine.request)).status).toBe('unknown')
    expect((await cardNow(other.visitor.token, other.request)).status).toBe('unknown')
  })
})

describe('the amount and currency must be those of the attempt: else 422 amount_mismatch, and nothing moves', () => {
  test.each<[string, (settled: Awaited<ReturnType<typeof unknownAttempt>>['settled']) => object, string]>([
    ['amount 1 for a $24.50 card', (s) => ({ ...s, amount: { amount: 1, currency: 'USD' }, charge: { ...s.charge!, amount: { amount: 1, currency: 'USD' } } }), 'data.amount'],
    ['the right number in another currency', (s) => ({ ...s, amount: { amount: 2450, currency: 'JPY' } }), 'data.amount'],
    ['the right amount, a charge of less', (s) => ({ ...s, charge: { ...s.charge!, amount: { amount: 100, currency: 'USD' } } }), 'data.charge.amount'],
    ['a charge that claims a surcharge the attempt did not have', (s) => ({ ...s, charge: { ...s.charge!, surcharge: { amount: 2000, currency: 'USD' } } }), 'data.charge.surcharge'],
  ])('%s', async (_case, forge, field) => {
    const { visitor, request, settled } = await unknownAttempt()
    const before = moneyState(state)
    const id = eventId()
    const answer = await deliver(eventJson('charge.succeeded', forge(settled) as typeof settled, id))
    expect([answer.status, answer.error?.code, answer.error?.field], answer.text).toEqual([422, 'amount_mismatch', field])
    expect(moneyState(state)).toBe(before)
    // Refused, not processed: the gateway's true event under the same id is still applied.
    expect((await deliver(eventJson('charge.succeeded', settled, id))).body.duplicate).toBe(false)
    expect((await cardNow(visitor.token, request)).amountPaid).toEqual(request.price)
  })
})

describe('an event must be a move the attempt and the card allow: else 409 invalid_transition', () => {
  test('an attempt ends once: a second success under another event id pays nothing more', async () => {
    const { visitor, request, settled } = await unknownAttempt()
    expect((await deliver(eventJson('charge.succeeded', settled))).status).toBe(200)
    const paid = await cardNow(visitor.token, request)
    for (const type of ['charge.succeeded', 'charge.failed'] as const) {
      const again = await deliver(eventJson(type, { ...settled, failure: { code: 'card_declined', message: 'No.' } }))
      expect([again.status, again.error?.code], type).toEqual([409, 'invalid_transition'])
    }
    expect(await cardNow(visitor.token, request)).toEqual(paid)
    expect(await transactionsOf(visitor.conversationId)).toHaveLength(2)
  })

  test('charge.captured only from authorized: a released hold stays released', async () => {
    const { visitor, card: request, sessionId } = await visitorAtCheckout('pp_house_blend', { transactionType: 'authorize' })
    const hold = (await payExpecting(sessionId, card(CARDS.visa), 'paid')).charge!
    expect((await voidHold(request.id)).body.status).toBe('voided')
    const before = moneyState(state)
    const answer = await deliver(
      eventJson('charge.captured', { paymentRequestId: request.id, reference: hold.reference, amount: hold.amount, card: null, charge: hold }),
    )
    expect([answer.status, answer.error?.code]).toEqual([409, 'invalid_transition'])
    expect((await cardNow(visitor.token, request)).status).toBe('voided')
    expect(moneyState(state)).toBe(before)
  })

  test('an event of the wrong kind for its attempt: a sale is never captured', async () => {
    const { visitor, request, settled } = await unknownAttempt()
    const answer = await deliver(eventJson('charge.captured', settled))
    expect([answer.status, answer.error?.code]).toEqual([409, 'invalid_transition'])
    expect((await cardNow(visitor.token, request)).status).toBe('unknown')
  })
})

/**
 * An approved charge whose webhook was lost (the apply step failed, so nothing was recorded), then
 * the card was closed before the gateway redelivered it: the money was taken, the card can no longer
 * be paid. The gateway's record of the attempt is what it redelivers.
 */
async function chargeLostThen(close: (request: PaymentRequest, visitorToken: string) => Promise<unknown>) {
  const { visitor, card: request, sessionId } = await visitorAtCheckout()
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const lost = vi.spyOn(state.events, 'emit').mockImplementationOnce(() => {
    throw new Error('the merchant endpoint is down')
  })
  const answer = await call('POST', `/v1/checkout/sessions/${sessionId}/pay`, { body: card(CARDS.visa), headers: { 'idempotency-key': 'k1' } })
  expect([answer.status, lost.mock.calls.length]).toEqual([500, 1])
  expect((await cardNow(visitor.token, request)).status).toBe('checkout_open')
  const attempt = [...state.gateway.attempts.values()].find((a) => a.paymentRequestId === request.id)!
  await close(request, visitor.token)
  const closed = await cardNow(visitor.token, request)
  const redelivered = await deliver(eventJson('charge.succeeded', chargeSucceeded(attempt)))
  return { visitor, request, closed, redelivered, reference: attempt.reference }
}

describe('a real charge for a card that can no longer be paid is kept as needing a refund; the card does not move', () => {
  test.each<[string, (request: PaymentRequest, token: string) => Promise<unknown>]>([
    ['cancelled by the visitor', (request, token) => call('POST', `/v1/payment-requests/${request.id}/decline`, { token })],
    ['withdrawn by the operator', (request) => asOperator('POST', `/v1/operator/payment-requests/${request.id}/revoke`)],
    ['expired', () => mockControl('POST', '/clock', { advanceMs: 25 * HOUR })],
  ])('%s', async (_case, close) => {
    const { visitor, request, closed, redelivered, reference } = await chargeLostThen(close)
    expect([redelivered.status, redelivered.body.duplicate], redelivered.text).toEqual([200, false])
    expect(await cardNow(visitor.token, request)).toEqual(closed)
    expect(closed.amountPaid.amount).toBe(0)
    expect(await transactionsOf(visitor.conversationId)).toEqual([
      expect.objectContaining({ reference, type: 'sale', result: 'approved', amount: request.price, needsRefund: true }),
    ])
  })
})
