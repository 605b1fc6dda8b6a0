import { describe, expect, test } from 'vitest'
import { amex, capture, CARDS, payExpecting, transactionsOf, viewOf, visitorAtCheckout, voidHold } from './checkout-calls'
import { asOperator, card, cardOf, checkout, share, startVisitor, useReferenceServer } from './harness'

useReferenceServer()

/** A house blend ($24.50) held on a visa by an `authorize` share. */
async function held() {
  const at = await visitorAtCheckout('pp_house_blend', { transactionType: 'authorize' })
  const result = await payExpecting(at.sessionId, card(CARDS.visa), 'paid')
  return { ...at, result }
}

describe('sale, the default', () => {
  test('a share without transactionType is a sale', async () => {
    const visitor = await startVisitor()
    expect((await share(visitor.conversationId)).transactionType).toBe('sale')
  })

  test('an unknown transactionType is 400 on transactionType', async () => {
    const visitor = await startVisitor()
    const answer = await asOperator('POST', `/v1/operator/conversations/${visitor.conversationId}/payment-requests`, {
      paymentPageId: 'pp_house_blend',
      transactionType: 'refund',
    })
    expect([answer.status, answer.error?.field]).toEqual([400, 'transactionType'])
  })
})

describe('authorize: hold now, capture or void later', () => {
  test('paying holds the amount: authorized, the hold listed, nothing counted as paid yet', async () => {
    const { visitor, card: shared, sessionId, result } = await held()
    expect(result.message).toContain('authorized')
    expect(result.paymentRequest).toMatchObject({
      transactionType: 'authorize',
      status: 'authorized',
      amountPaid: { amount: 0 },
      charges: [{ kind: 'balance', amount: shared.price, last4: '4242' }],
      receipt: { last4: '4242', reference: result.charge!.reference },
    })
    expect((await viewOf(sessionId)).body).toMatchObject({ mode: 'payment', status: 'complete' })
    expect(await transactionsOf(visitor.conversationId)).toMatchObject([{ type: 'authorize', result: 'approved', reference: result.charge!.reference }])
    // Only the operator moves it on: Pay now is closed.
    expect((await checkout(visitor.token, shared.id)).status).toBe(409)
  })

  test('capture makes it paid, once: a second capture answers the same and records nothing more', async () => {
    const { visitor, card: shared, result } = await held()
    const captured = await capture(shared.id)
    expect(captured.status).toBe(200)
    expect(captured.body).toMatchObject({ status: 'paid', amountPaid: shared.price })
    const again = await capture(shared.id)
    expect([again.status, again.body]).toEqual([200, captured.body])
    expect(await transactionsOf(visitor.conversationId)).toMatchObject([
      { type: 'authorize', result: 'approved' },
      { type: 'capture', result: 'approved', reference: result.charge!.reference, amount: shared.price },
    ])
  })

  test('void releases the hold: voided, nothing charged; then capture is 409', async () => {
    const { visitor, card: shared } = await held()
    const voided = await voidHold(shared.id)
    expect(voided.body).toMatchObject({ status: 'voided', amountPaid: { amount: 0 } })
    expect((await voidHold(shared.id)).body).toEqual(voided.body)
    const late = await capture(shared.id)
    expect([late.status, late.error?.code]).toEqual([409, 'invalid_state'])
    expect((await transactionsOf(visitor.conversationId)).map((t) => t.type)).toEqual(['authorize', 'void'])
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('voided')
  })

  test('after a capture, void is 409', async () => {
    const { card: shared } = await held()
    await capture(shared.id)
    expect((await voidHold(shared.id)).status).toBe(409)
  })

  test.each(['pending', 'paid'] as const)('capture and void of a %s sale are 409 invalid_state', async (status) => {
    const { card: shared, sessionId } = await visitorAtCheckout()
    if (status === 'paid') await payExpecting(sessionId, card(CARDS.visa), 'paid')
    for (const settle of [capture, voidHold]) {
      const answer = await settle(shared.id)
      expect([answer.status, answer.error?.code]).toEqual([409, 'invalid_state'])
    }
  })

  test('capture of an unknown request is 404', async () => {
    expect((await capture('pr_nope')).status).toBe(404)
  })

  test('a declined hold is a failed authorize attempt, and can be tried again', async () => {
    const { visitor, sessionId } = await visitorAtCheckout('pp_house_blend', { transactionType: 'authorize' })
    await payExpecting(sessionId, card(CARDS.declined), 'failed')
    expect(await transactionsOf(visitor.conversationId)).toMatchObject([{ type: 'authorize', result: 'declined', code: 'card_declined' }])
    expect((await payExpecting(sessionId, card(CARDS.visa), 'paid')).paymentRequest.status).toBe('authorized')
  })

  test('a recurring page cannot be shared as authorize: 422 transaction_type_not_allowed', async () => {
    const visitor = await startVisitor()
    const answer = await asOperator('POST', `/v1/operator/conversations/${visitor.conversationId}/payment-requests`, {
      paymentPageId: 'pp_coffee_club',
      transactionType: 'authorize',
    })
    expect([answer.status, answer.error?.code, answer.error?.field]).toEqual([422, 'transaction_type_not_allowed', 'transactionType'])
  })
})

describe('save_card: a reusable token, no charge', () => {
  test('setup mode; the card is saved as a pm_ token with brand and last 4, nothing charged', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout('pp_house_blend', { transactionType: 'save_card' })
    const result = await payExpecting(sessionId, card(CARDS.mastercard), 'paid')
    expect(result.message).toBe('Your card is saved.')
    expect(result.charge).toBeNull()
    expect(result.paymentRequest).toMatchObject({
      status: 'card_saved',
      savedCard: { token: expect.stringMatching(/^pm_\w+$/), cardBrand: 'mastercard', last4: '4444' },
      charges: [],
      amountPaid: { amount: 0 },
    })
    expect((await viewOf(sessionId)).body).toMatchObject({ mode: 'setup', status: 'complete', paymentStatus: 'no_payment_required' })
    expect(await transactionsOf(visitor.conversationId)).toMatchObject([
      { type: 'save_card', result: 'approved', amount: { amount: 0, currency: 'USD' }, last4: '4444' },
    ])
    expect((await checkout(visitor.token, shared.id)).status).toBe(409)
  })

  test('each saved card gets its own token', async () => {
    const tokens = []
    for (const number of [CARDS.visa, CARDS.visa]) {
      const { sessionId } = await visitorAtCheckout('pp_house_blend', { transactionType: 'save_card' })
      tokens.push((await payExpecting(sessionId, card(number), 'paid')).paymentRequest.savedCard!.token)
    }
    expect(tokens[0]).not.toBe(tokens[1])
  })

  test('a recurring page saved as a card starts no subscription', async () => {
    const { sessionId } = await visitorAtCheckout('pp_coffee_club', { transactionType: 'save_card' })
    const result = await payExpecting(sessionId, amex(), 'paid')
    expect(result.paymentRequest).toMatchObject({ status: 'card_saved', subscription: null })
  })
})
