import { describe, expect, test } from 'vitest'
import type { PaymentRequest } from '../../../src/protocol/types'
import { cancelCheckout, CARDS, completeChallenge, payExpecting, viewOf, visitorAtCheckout } from './checkout-calls'
import { advanceClock, asOperator, card, cardOf, checkout, HOUR, MINUTE, pay, share, type ShareOptions, startVisitor, useReferenceServer } from './harness'

// A clock that stands still, so lifetimes are exact to the millisecond.
const NOW = Date.UTC(2026, 5, 15, 9, 0, 0)
useReferenceServer({ now: () => NOW, rateLimits: false })

const at = (ms: number) => new Date(NOW + ms).toISOString()

describe('a checkout session is shaped like a hosted gateway’s', () => {
  test.each([
    ['a one-time sale', 'payment', 'unpaid', 'pp_house_blend', {}],
    ['an authorize hold', 'payment', 'unpaid', 'pp_house_blend', { transactionType: 'authorize' }],
    ['a recurring card', 'subscription', 'unpaid', 'pp_coffee_club', {}],
    ['a save_card request', 'setup', 'no_payment_required', 'pp_house_blend', { transactionType: 'save_card' }],
    ['a save_card of a recurring page', 'setup', 'no_payment_required', 'pp_coffee_club', { transactionType: 'save_card' }],
  ] as const)('%s opens in mode %s, status open, paymentStatus %s', async (_case, mode, paymentStatus, pageId, options: ShareOptions) => {
    const { sessionId } = await visitorAtCheckout(pageId, options)
    expect((await viewOf(sessionId)).body).toMatchObject({ mode, status: 'open', paymentStatus, transactionType: options.transactionType ?? 'sale' })
  })

  test('paying the price completes it: status complete, paymentStatus paid', async () => {
    const { sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
    expect((await viewOf(sessionId)).body).toMatchObject({ status: 'complete', paymentStatus: 'paid', amountDue: { amount: 0 } })
  })

  test('saving a card completes a setup session with no payment required', async () => {
    const { sessionId } = await visitorAtCheckout('pp_house_blend', { transactionType: 'save_card' })
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
    expect((await viewOf(sessionId)).body).toMatchObject({ mode: 'setup', status: 'complete', paymentStatus: 'no_payment_required' })
  })

  test('a decline leaves it open and unpaid', async () => {
    const { sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, card(CARDS.declined), 'failed')
    expect((await viewOf(sessionId)).body).toMatchObject({ status: 'open', paymentStatus: 'unpaid' })
  })
})

describe('how long a session lives', () => {
  test('by default 24 h from opening, which is also the card’s own expiry', async () => {
    const { card: shared, link } = await visitorAtCheckout()
    expect(link.expiresAt).toBe(at(24 * HOUR))
    expect(link.expiresAt).toBe(shared.expiresAt)
    expect((await viewOf(link.checkoutSessionId)).body.expiresAt).toBe(link.expiresAt)
  })

  test.each([30, 60, 1440])('checkoutMinutes %i: that long from opening', async (checkoutMinutes) => {
    const { link } = await visitorAtCheckout('pp_house_blend', { checkoutMinutes })
    expect(link.expiresAt).toBe(at(checkoutMinutes * MINUTE))
  })

  test.each([29, 1441, 0, 30.5, '60'])('checkoutMinutes %j is 400 on checkoutMinutes and shares nothing', async (checkoutMinutes) => {
    const visitor = await startVisitor()
    const answer = await asOperator('POST', `/v1/operator/conversations/${visitor.conversationId}/payment-requests`, {
      paymentPageId: 'pp_house_blend',
      checkoutMinutes,
    })
    expect(answer.status).toBe(400)
    expect(answer.error).toMatchObject({ code: 'validation_failed', field: 'checkoutMinutes' })
    const messages = await asOperator<{ messages: unknown[] }>('GET', `/v1/operator/conversations/${visitor.conversationId}/messages`)
    expect(messages.body.messages).toEqual([])
  })

  test('never past the card’s own expiry: 60 minutes asked, 20 left on the card, 20 given', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId, 'pp_house_blend', { checkoutMinutes: 60 })
    await advanceClock(24 * HOUR - 20 * MINUTE)
    const link = await checkout(visitor.token, shared.id)
    expect(link.body.expiresAt).toBe(shared.expiresAt)
  })

  test('each Pay now after an expiry opens a session of the same length from then', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout('pp_house_blend', { checkoutMinutes: 45 })
    await advanceClock(45 * MINUTE)
    const again = await checkout(visitor.token, shared.id)
    expect(again.body.checkoutSessionId).not.toBe(sessionId)
    expect(again.body.expiresAt).toBe(at(90 * MINUTE))
  })
})

describe('an expired session takes no payment', () => {
  test('a minute before its end it pays; at its end pay is 422 checkout_expired and nothing is charged', async () => {
    const first = await visitorAtCheckout('pp_house_blend', { checkoutMinutes: 30 })
    await advanceClock(29 * MINUTE)
    await payExpecting(first.sessionId, card(CARDS.visa), 'paid')

    const second = await visitorAtCheckout('pp_house_blend', { checkoutMinutes: 30 })
    await advanceClock(30 * MINUTE)
    const late = await pay(second.sessionId, card(CARDS.visa))
    expect([late.status, late.error?.code]).toEqual([422, 'checkout_expired'])
    expect((await viewOf(second.sessionId)).body).toMatchObject({ status: 'expired', paymentStatus: 'unpaid' })
    expect((await cardOf(second.visitor.token, second.card.id)).body).toMatchObject({ status: 'checkout_open', receipt: null, charges: [] })
  })

  test('a challenge left open past the end cannot charge either', async () => {
    const { sessionId } = await visitorAtCheckout('pp_house_blend', { checkoutMinutes: 30 })
    const asked = await payExpecting(sessionId, card(CARDS.threeDSecure), 'requires_action')
    await advanceClock(30 * MINUTE)
    const answer = await completeChallenge(sessionId, asked.challenge!.id, 'pass')
    expect([answer.status, answer.error?.code]).toEqual([422, 'checkout_expired'])
  })
})

describe('cancelling the checkout page ends only that session', () => {
  test.each(['payer', 'timeout'] as const)('reason %s: the session expires, the card is pending again, Pay now opens a fresh one that pays', async (reason) => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    const cancelled = await cancelCheckout(sessionId, reason)
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toMatchObject({ status: 'expired', paymentStatus: 'unpaid', paymentRequestStatus: 'pending' })
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe<PaymentRequest['status']>('pending')

    const late = await pay(sessionId, card(CARDS.visa))
    expect([late.status, late.error?.code]).toEqual([422, 'checkout_expired'])

    const again = await checkout(visitor.token, shared.id)
    expect(again.status).toBe(200)
    expect(again.body.checkoutSessionId).not.toBe(sessionId)
    await payExpecting(again.body.checkoutSessionId, card(CARDS.visa), 'paid')
  })

  test('cancelling twice is harmless', async () => {
    const { sessionId } = await visitorAtCheckout()
    await cancelCheckout(sessionId)
    const again = await cancelCheckout(sessionId)
    expect([again.status, again.body.status]).toEqual([200, 'expired'])
  })

  test('an old tab’s cancel leaves the newer session and its card alone', async () => {
    const { visitor, card: shared, sessionId: old } = await visitorAtCheckout('pp_house_blend', { checkoutMinutes: 30 })
    await advanceClock(30 * MINUTE)
    const fresh = (await checkout(visitor.token, shared.id)).body.checkoutSessionId
    await cancelCheckout(old)
    expect((await viewOf(fresh)).body.status).toBe('open')
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('checkout_open')
    await payExpecting(fresh, card(CARDS.visa), 'paid')
  })

  test('after paying, cancel (closing the page) keeps it paid and complete but takes no extra payment', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
    const closed = await cancelCheckout(sessionId)
    expect(closed.body).toMatchObject({ status: 'complete', paymentStatus: 'paid', extraPaymentsLeft: 0 })
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('paid')
  })

  test('a reason other than payer or timeout is 400 on reason and changes nothing', async () => {
    const { sessionId } = await visitorAtCheckout()
    const answer = await cancelCheckout(sessionId, 'bored' as 'payer')
    expect(answer.error).toMatchObject({ code: 'validation_failed', field: 'reason' })
    expect((await viewOf(sessionId)).body.status).toBe('open')
  })
})
