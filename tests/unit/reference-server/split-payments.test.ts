import { describe, expect, test } from 'vitest'
import type { PaymentRequest } from '../../../src/protocol/types'
import { cancelCheckout, CARDS, payExpecting, transactionsOf, viewOf, visitorAtCheckout, type Visitor } from './checkout-calls'
import { call, card, cardOf, checkout, pay, useReferenceServer } from './harness'

useReferenceServer()

// House blend: $24.50.
const decline = (visitor: Visitor, id: string) => call<PaymentRequest>('POST', `/v1/payment-requests/${id}/decline`, { token: visitor.token })

describe('a bill split across cards', () => {
  test('part with one card, the rest with another: paid once the total is covered, each charge listed', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    const part = await payExpecting(sessionId, card(CARDS.visa, { amount: 1000 }), 'paid')
    expect(part.message).toBe('Part payment successful. $14.50 is left to pay.')
    expect(part.paymentRequest).toMatchObject({ status: 'checkout_open', amountPaid: { amount: 1000, currency: 'USD' } })
    expect(part.charge).toMatchObject({ kind: 'balance', amount: { amount: 1000 }, last4: '4242' })
    expect((await viewOf(sessionId)).body).toMatchObject({ status: 'open', paymentStatus: 'unpaid', amountDue: { amount: 1450 } })

    // Left out, the amount is the whole balance.
    const rest = await payExpecting(sessionId, card(CARDS.mastercard), 'paid')
    expect(rest.message).toBe('Payment successful.')
    expect(rest.charge).toMatchObject({ amount: { amount: 1450 }, last4: '4444' })
    expect(rest.paymentRequest).toMatchObject({ status: 'paid', amountPaid: shared.price, receipt: { last4: '4444' } })
    expect(rest.paymentRequest.charges.map((c) => [c.kind, c.amount.amount, c.last4])).toEqual([
      ['balance', 1000, '4242'],
      ['balance', 1450, '4444'],
    ])
    expect(new Set(rest.paymentRequest.charges.map((c) => c.reference)).size).toBe(2)
    expect((await viewOf(sessionId)).body).toMatchObject({ status: 'complete', paymentStatus: 'paid', amountDue: { amount: 0 } })
    expect((await transactionsOf(visitor.conversationId)).map((t) => [t.result, t.amount.amount])).toEqual([
      ['approved', 1000],
      ['approved', 1450],
    ])
  })

  test('three parts, the last one exactly what is left', async () => {
    const { sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, card(CARDS.visa, { amount: 100 }), 'paid')
    await payExpecting(sessionId, card(CARDS.jcb, { amount: 2000 }), 'paid')
    const last = await payExpecting(sessionId, card(CARDS.mastercard, { amount: 350 }), 'paid')
    expect(last.paymentRequest).toMatchObject({ status: 'paid', amountPaid: { amount: 2450 } })
  })

  test('more than is due is 422 amount_too_large and charges nothing, before and after a part is paid', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    const tooMuch = await pay(sessionId, card(CARDS.visa, { amount: 2451 }))
    expect([tooMuch.status, tooMuch.error?.code, tooMuch.error?.field]).toEqual([422, 'amount_too_large', 'amount'])
    await payExpecting(sessionId, card(CARDS.visa, { amount: 2000 }), 'paid')
    const over = await pay(sessionId, card(CARDS.visa, { amount: 451 }))
    expect([over.status, over.error?.code]).toEqual([422, 'amount_too_large'])
    expect(over.error?.message).toContain('$4.50')
    expect((await cardOf(visitor.token, shared.id)).body.amountPaid.amount).toBe(2000)
    expect(await transactionsOf(visitor.conversationId)).toHaveLength(1)
  })

  test.each([0, -100, 12.5])('amount %j is 400 on amount', async (amount) => {
    const { sessionId } = await visitorAtCheckout()
    const answer = await pay(sessionId, card(CARDS.visa, { amount }))
    expect([answer.status, answer.error?.field]).toEqual([400, 'amount'])
  })

  test.each([
    ['an authorize hold', 'pp_house_blend', { transactionType: 'authorize' }],
    ['a saved card', 'pp_house_blend', { transactionType: 'save_card' }],
    ['a subscription', 'pp_coffee_club', {}],
  ] as const)('%s cannot be split: 422 split_not_allowed on amount, nothing charged', async (_case, pageId, options) => {
    const { visitor, sessionId } = await visitorAtCheckout(pageId, options)
    const answer = await pay(sessionId, card(CARDS.visa, { amount: 100 }))
    expect([answer.status, answer.error?.code, answer.error?.field]).toEqual([422, 'split_not_allowed', 'amount'])
    expect(await transactionsOf(visitor.conversationId)).toEqual([])
  })

  test('a decline on the second card keeps the first charge and leaves the rest payable', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    const first = await payExpecting(sessionId, card(CARDS.visa, { amount: 1000 }), 'paid')
    const declined = await payExpecting(sessionId, card(CARDS.insufficientFunds), 'failed')
    expect(declined.paymentRequest).toMatchObject({
      status: 'failed',
      failure: { code: 'insufficient_funds' },
      amountPaid: { amount: 1000 },
      charges: [first.charge],
    })
    expect((await viewOf(sessionId)).body).toMatchObject({ status: 'open', amountDue: { amount: 1450 }, charges: [first.charge] })
    expect((await transactionsOf(visitor.conversationId)).map((t) => t.result)).toEqual(['approved', 'declined'])

    const rest = await payExpecting(sessionId, card(CARDS.visa), 'paid')
    expect(rest.paymentRequest).toMatchObject({ status: 'paid', amountPaid: shared.price })
  })

  test('the visitor cannot Cancel once part is paid: 409 partially_paid', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, card(CARDS.visa, { amount: 1000 }), 'paid')
    await payExpecting(sessionId, card(CARDS.declined), 'failed')
    const refused = await decline(visitor, shared.id)
    expect([refused.status, refused.error?.code]).toEqual([409, 'partially_paid'])
    expect((await cardOf(visitor.token, shared.id)).body).toMatchObject({ status: 'failed', amountPaid: { amount: 1000 } })
  })

  test('a visitor Cancel with nothing paid still declines the card', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, card(CARDS.declined), 'failed')
    expect((await decline(visitor, shared.id)).body.status).toBe('declined')
  })

  test('leaving the page after a part: what was paid stays, and the next page asks only for the rest', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, card(CARDS.visa, { amount: 1000 }), 'paid')
    const left = await cancelCheckout(sessionId)
    expect(left.body).toMatchObject({ status: 'expired', amountPaid: { amount: 1000 } })
    // Part paid: the card stays under way rather than going back to before Pay now.
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('checkout_open')

    const next = (await checkout(visitor.token, shared.id)).body.checkoutSessionId
    expect(next).not.toBe(sessionId)
    expect((await viewOf(next)).body).toMatchObject({ amountPaid: { amount: 1000 }, amountDue: { amount: 1450 } })
    const tooMuch = await pay(next, card(CARDS.visa, { amount: 1451 }))
    expect(tooMuch.error?.code).toBe('amount_too_large')
    expect((await payExpecting(next, card(CARDS.jcb), 'paid')).paymentRequest).toMatchObject({ status: 'paid', amountPaid: { amount: 2450 } })
  })

  test('a part sent to a request already paid is 409 invalid_state, not a balance of $0.00', async () => {
    const { sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
    const late = await pay(sessionId, card(CARDS.visa, { amount: 100 }))
    expect([late.status, late.error?.code]).toEqual([409, 'invalid_state'])
  })

  test('amount and extra together are 400 on amount', async () => {
    const { sessionId } = await visitorAtCheckout()
    const answer = await pay(sessionId, card(CARDS.visa, { amount: 100, extra: { label: 'Tip', amount: 100 } }))
    expect([answer.status, answer.error?.field]).toEqual([400, 'amount'])
  })
})
