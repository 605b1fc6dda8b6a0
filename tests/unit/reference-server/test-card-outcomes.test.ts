import { describe, expect, test } from 'vitest'
import { amex, CARDS, completeChallenge, payExpecting, transactionsOf, viewOf, visitorAtCheckout } from './checkout-calls'
import { card, cardOf, checkout, pay, useReferenceServer } from './harness'

useReferenceServer()

describe('cards that are approved', () => {
  test.each([
    ['visa', card(CARDS.visa), '4242'],
    ['mastercard', card(CARDS.mastercard), '4444'],
    ['amex', amex(), '0005'],
    ['jcb', card(CARDS.jcb), '0505'],
  ])('%s pays, and only its brand and last 4 are kept', async (brand, body, last4) => {
    // Sakura Tea's gateway carries no surcharge, so every brand pays the price as it is.
    const { visitor, card: shared, sessionId } = await visitorAtCheckout('pp_matcha_set', {}, 'wk_sakura')
    const result = await payExpecting(sessionId, body, 'paid')
    expect(result.message).toBe('Payment successful.')
    expect(result.charge).toMatchObject({ cardBrand: brand, last4, amount: shared.price, reference: expect.stringMatching(/^ch_/) })
    expect(result.paymentRequest).toMatchObject({ status: 'paid', receipt: { cardBrand: brand, last4, reference: result.charge!.reference } })
    expect(await transactionsOf(visitor.conversationId)).toMatchObject([
      { type: 'sale', result: 'approved', cardBrand: brand, last4, reference: result.charge!.reference, code: null },
    ])
  })
})

describe('cards that are declined keep the request payable', () => {
  test.each([
    ['0002', CARDS.declined, 'card_declined', 'Your card was declined. Try another card.'],
    ['9995', CARDS.insufficientFunds, 'insufficient_funds', 'Your card has insufficient funds. Try another card.'],
    ['0069', CARDS.expiredCard, 'expired_card', 'Your card has expired. Try another card.'],
    ['0127', CARDS.incorrectCvc, 'incorrect_cvc', "Your card's security code is incorrect. Check it and try again."],
  ])('%s: failed with %s and its own sentence; another card then pays in the same session', async (last4, number, code, message) => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    const declined = await payExpecting(sessionId, card(number), 'failed')
    expect(declined.message).toBe(message)
    expect(declined.charge).toBeNull()
    expect(declined.paymentRequest).toMatchObject({
      status: 'failed',
      failure: { code, message, reference: expect.stringMatching(/^ch_/) },
      receipt: null,
      charges: [],
      amountPaid: { amount: 0 },
    })
    expect(await transactionsOf(visitor.conversationId)).toEqual([
      expect.objectContaining({ type: 'sale', result: 'declined', code, last4, reference: declined.paymentRequest.failure!.reference }),
    ])
    expect((await viewOf(sessionId)).body).toMatchObject({ status: 'open', paymentStatus: 'unpaid', failure: { code } })

    // Pay now in the chat still lands on the same page, which takes another card.
    expect((await checkout(visitor.token, shared.id)).body.checkoutSessionId).toBe(sessionId)
    const paid = await payExpecting(sessionId, card(CARDS.visa), 'paid')
    expect(paid.paymentRequest.status).toBe('paid')
  })
})

describe('a technical failure (0119)', () => {
  test('is unknown: "Do not resubmit" with the reference, no retry, recorded as unknown', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    const result = await payExpecting(sessionId, card(CARDS.unknown), 'unknown')
    const reference = result.paymentRequest.failure!.reference!
    expect(reference).toMatch(/^ch_/)
    expect(result.message).toBe(`Do not resubmit: the payment status is unknown. Contact us with reference ${reference}.`)
    expect(result.paymentRequest).toMatchObject({ status: 'unknown', failure: { code: 'processing_error' } })
    expect(await transactionsOf(visitor.conversationId)).toMatchObject([{ result: 'unknown', code: 'processing_error', reference }])

    const retry = await pay(sessionId, card(CARDS.visa))
    expect([retry.status, retry.error?.code]).toEqual([409, 'payment_status_unknown'])
    expect((await checkout(visitor.token, shared.id)).error?.code).toBe('payment_status_unknown')
  })
})

describe('a card that needs the bank’s extra step (3220)', () => {
  test('answers requires_action with a challenge, charges nothing yet, and the page shows the step', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    const asked = await payExpecting(sessionId, card(CARDS.threeDSecure), 'requires_action')
    expect(asked.challenge).toEqual({ id: expect.stringMatching(/^chl_/), cardBrand: 'visa', last4: '3220', amount: shared.price })
    expect(asked.paymentRequest.status).toBe('checkout_open')
    expect((await viewOf(sessionId)).body.challenge).toEqual(asked.challenge)
    expect(await transactionsOf(visitor.conversationId)).toEqual([])
  })

  test('passing it makes the charge', async () => {
    const { visitor, sessionId } = await visitorAtCheckout()
    const asked = await payExpecting(sessionId, card(CARDS.threeDSecure), 'requires_action')
    const passed = await completeChallenge(sessionId, asked.challenge!.id, 'pass')
    expect(passed.status).toBe(200)
    expect(passed.body).toMatchObject({ outcome: 'paid', paymentRequest: { status: 'paid', receipt: { last4: '3220' } } })
    expect((await viewOf(sessionId)).body).toMatchObject({ status: 'complete', challenge: null })
    expect(await transactionsOf(visitor.conversationId)).toMatchObject([{ result: 'approved', last4: '3220' }])
  })

  test('failing it is authentication_failed, and the request stays payable', async () => {
    const { visitor, sessionId } = await visitorAtCheckout()
    const asked = await payExpecting(sessionId, card(CARDS.threeDSecure), 'requires_action')
    const failed = await completeChallenge(sessionId, asked.challenge!.id, 'fail')
    expect(failed.body).toMatchObject({
      outcome: 'failed',
      message: 'We could not confirm this payment with your bank. Try again or use another card.',
      paymentRequest: { status: 'failed', failure: { code: 'authentication_failed' } },
    })
    expect(await transactionsOf(visitor.conversationId)).toMatchObject([{ result: 'declined', code: 'authentication_failed' }])
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
  })

  test('a new attempt supersedes a challenge left unanswered: the old one is 409 challenge_done', async () => {
    const { sessionId } = await visitorAtCheckout()
    const first = await payExpecting(sessionId, card(CARDS.threeDSecure), 'requires_action')
    const second = await payExpecting(sessionId, card(CARDS.threeDSecure), 'requires_action')
    expect(second.challenge!.id).not.toBe(first.challenge!.id)
    const stale = await completeChallenge(sessionId, first.challenge!.id, 'pass')
    expect([stale.status, stale.error?.code]).toEqual([409, 'challenge_done'])
    expect((await completeChallenge(sessionId, second.challenge!.id, 'pass')).body.outcome).toBe('paid')
  })

  test('paying with another card meanwhile also supersedes it, so it can never charge a second time', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    const asked = await payExpecting(sessionId, card(CARDS.threeDSecure), 'requires_action')
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
    expect((await completeChallenge(sessionId, asked.challenge!.id, 'pass')).status).toBe(409)
    expect((await cardOf(visitor.token, shared.id)).body.charges).toHaveLength(1)
  })

  test('a finished challenge is 409 challenge_done when answered again', async () => {
    const { sessionId } = await visitorAtCheckout()
    const asked = await payExpecting(sessionId, card(CARDS.threeDSecure), 'requires_action')
    await completeChallenge(sessionId, asked.challenge!.id, 'fail')
    const again = await completeChallenge(sessionId, asked.challenge!.id, 'pass')
    expect([again.status, again.error?.code]).toEqual([409, 'challenge_done'])
  })

  test('a challenge of another session, or an unknown one, is 404', async () => {
    const mine = await visitorAtCheckout()
    const theirs = await visitorAtCheckout()
    const asked = await payExpecting(theirs.sessionId, card(CARDS.threeDSecure), 'requires_action')
    for (const [sessionId, challengeId] of [
      [mine.sessionId, asked.challenge!.id],
      [theirs.sessionId, 'chl_nope'],
    ] as const) {
      const answer = await completeChallenge(sessionId, challengeId, 'pass')
      expect([answer.status, answer.error?.code]).toEqual([404, 'not_found'])
    }
    expect((await completeChallenge(theirs.sessionId, asked.challenge!.id, 'pass')).body.outcome).toBe('paid')
  })

  test('a result other than pass or fail is 400 on result and leaves the challenge open', async () => {
    const { sessionId } = await visitorAtCheckout()
    const asked = await payExpecting(sessionId, card(CARDS.threeDSecure), 'requires_action')
    const answer = await completeChallenge(sessionId, asked.challenge!.id, 'maybe' as 'pass')
    expect(answer.error).toMatchObject({ code: 'validation_failed', field: 'result' })
    expect((await completeChallenge(sessionId, asked.challenge!.id, 'pass')).body.outcome).toBe('paid')
  })
})
