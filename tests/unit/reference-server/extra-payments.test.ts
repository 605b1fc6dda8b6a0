import { describe, expect, test } from 'vitest'
import type { CheckoutPayBody } from '../../../src/protocol/types'
import { cancelCheckout, CARDS, payExpecting, settle, transactionsOf, viewOf, visitorAtCheckout } from './checkout-calls'
import { card, cardOf, pay, useReferenceServer } from './harness'

useReferenceServer()

const extra = (label: string, amount: number, number: string = CARDS.visa): CheckoutPayBody => card(number, { extra: { label, amount } })

/** A house blend ($24.50) paid with a visa on an open checkout page. */
async function paidAtCheckout() {
  const at = await visitorAtCheckout()
  const paid = await payExpecting(at.sessionId, card(CARDS.visa), 'paid')
  return { ...at, paid }
}

describe('extra payments on the same page once the price is paid', () => {
  test('up to 3, each its own charge with its own reference and label; the 4th is 422 extra_not_allowed', async () => {
    const { visitor, card: shared, sessionId, paid } = await paidAtCheckout()
    expect((await viewOf(sessionId)).body.extraPaymentsLeft).toBe(3)

    const labels = ['Deposit', 'Delivery fee', 'Gift wrap']
    for (const [i, label] of labels.entries()) {
      const result = await payExpecting(sessionId, extra(label, 500 + i), 'paid')
      expect(result.charge).toMatchObject({ kind: 'extra', label, amount: { amount: 500 + i, currency: 'USD' }, reference: expect.stringMatching(/^ch_/) })
      expect(result.paymentRequest.status).toBe('paid')
      expect((await viewOf(sessionId)).body.extraPaymentsLeft).toBe(2 - i)
    }

    const fourth = await pay(sessionId, extra('One more', 100))
    expect([fourth.status, fourth.error?.code, fourth.error?.field]).toEqual([422, 'extra_not_allowed', 'extra'])

    const request = (await cardOf(visitor.token, shared.id)).body
    expect(request.amountPaid).toEqual(shared.price)
    expect(request.charges.map((c) => [c.kind, c.label])).toEqual([['balance', null], ...labels.map((label) => ['extra', label])])
    expect(new Set(request.charges.map((c) => c.reference)).size).toBe(4)
    expect(request.charges[0]).toEqual(paid.charge)
    expect(await transactionsOf(visitor.conversationId)).toHaveLength(4)
  })

  test('a declined extra payment charges nothing and does not use one up', async () => {
    const { sessionId } = await paidAtCheckout()
    const declined = await payExpecting(sessionId, extra('Deposit', 500, CARDS.declined), 'failed')
    expect(declined.paymentRequest).toMatchObject({ status: 'paid', charges: [expect.objectContaining({ kind: 'balance' })] })
    expect((await viewOf(sessionId)).body.extraPaymentsLeft).toBe(3)
  })

  test('an extra payment whose outcome is unknown ends the offer and is settled later like any other', async () => {
    const { visitor, card: shared, sessionId } = await paidAtCheckout()
    const unknown = await payExpecting(sessionId, extra('Deposit', 500, CARDS.unknown), 'unknown')
    expect(unknown.message).toContain('Do not resubmit')
    expect(unknown.paymentRequest.status).toBe('paid')
    expect((await viewOf(sessionId)).body.extraPaymentsLeft).toBe(0)

    const settled = await settle(shared.id, 'paid')
    expect(settled.status, settled.text).toBe(200)
    expect(settled.body.charges.map((c) => [c.kind, c.label, c.last4])).toEqual([
      ['balance', null, '4242'],
      ['extra', 'Deposit', '0119'],
    ])
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('paid')
  })

  test('not before the price is paid: 422 extra_not_allowed, nothing charged', async () => {
    const { visitor, sessionId } = await visitorAtCheckout()
    const early = await pay(sessionId, extra('Deposit', 500))
    expect([early.status, early.error?.code]).toEqual([422, 'extra_not_allowed'])
    await payExpecting(sessionId, card(CARDS.visa, { amount: 1000 }), 'paid')
    const afterPart = await pay(sessionId, extra('Deposit', 500))
    expect(afterPart.error?.code).toBe('extra_not_allowed')
    expect(await transactionsOf(visitor.conversationId)).toHaveLength(1)
  })

  test.each(['authorize', 'save_card'] as const)('not on %s: 422 extra_not_allowed once the card is done', async (transactionType) => {
    const { sessionId } = await visitorAtCheckout('pp_house_blend', { transactionType })
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
    expect((await viewOf(sessionId)).body.extraPaymentsLeft).toBe(0)
    const answer = await pay(sessionId, extra('Deposit', 500))
    expect([answer.status, answer.error?.code]).toEqual([422, 'extra_not_allowed'])
  })

  test('not once the payer closed the page', async () => {
    const { sessionId } = await paidAtCheckout()
    await cancelCheckout(sessionId)
    expect((await pay(sessionId, extra('Deposit', 500))).error?.code).toBe('extra_not_allowed')
  })

  test('a blank label or a zero amount is 400', async () => {
    const { sessionId } = await paidAtCheckout()
    for (const [body, field] of [
      [extra(' ', 500), 'extra.label'],
      [extra('Deposit', 0), 'extra.amount'],
    ] as const) {
      expect((await pay(sessionId, body)).error).toMatchObject({ code: 'validation_failed', field })
    }
  })
})
