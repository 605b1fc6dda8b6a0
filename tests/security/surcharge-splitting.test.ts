import { describe, expect, test } from 'vitest'
import { surchargeQuote } from '../../src/checkout/surcharge'
import { surchargeFor } from '../../src/i18n/currency'
import { amex, cancelCheckout, CARDS, payExpecting, viewOf, visitorAtCheckout } from '../unit/reference-server/checkout-calls'
import { card, checkout, pay, useReferenceServer } from '../unit/reference-server/harness'

// Finding 3: Amex parts of 16 cents each rounded the 3 % surcharge to 0: 153 charges paid $24.50 with no
// surcharge instead of $0.74.
useReferenceServer({ rateLimits: false })

const visa = (amount?: number) => card(CARDS.visa, amount === undefined ? {} : { amount })

describe('at most 5 card parts per payment request', () => {
  test('after 4 parts, a 5th that does not pay the rest is 422 too_many_parts; paying the rest is accepted', async () => {
    const { sessionId } = await visitorAtCheckout()
    for (let i = 0; i < 4; i++) await payExpecting(sessionId, visa(100), 'paid')
    const fifth = await pay(sessionId, visa(100))
    expect([fifth.status, fifth.error?.code, fifth.error?.field], fifth.text).toEqual([422, 'too_many_parts', 'amount'])
    const rest = await payExpecting(sessionId, visa(2050), 'paid')
    expect(rest.paymentRequest).toMatchObject({ status: 'paid', amountPaid: { amount: 2450 } })
    expect(rest.paymentRequest.charges).toHaveLength(5)
  })

  test('parts paid on earlier pages count', async () => {
    const { visitor, card: request, sessionId } = await visitorAtCheckout()
    for (let i = 0; i < 2; i++) await payExpecting(sessionId, visa(100), 'paid')
    await cancelCheckout(sessionId)
    const next = (await checkout(visitor.token, request.id)).body.checkoutSessionId
    for (let i = 0; i < 2; i++) await payExpecting(next, visa(100), 'paid')
    expect((await pay(next, visa(100))).error?.code).toBe('too_many_parts')
  })
})

describe('every part but the one paying the rest is at least one major unit of the currency', () => {
  test.each([
    ['USD', 100, 'pp_house_blend', 'wk_demo'],
    ['JPY', 100, 'pp_matcha_set', 'wk_sakura'],
    ['BHD', 1000, 'pp_bahrain_gift_box', 'wk_demo'],
  ])('%s: one step less than %i minor units is 422 amount_too_small, the minimum is accepted', async (_currency, minimum, pageId, widgetKey) => {
    const { sessionId } = await visitorAtCheckout(pageId, {}, widgetKey)
    const step = minimum === 1000 ? 10 : 1
    const small = await pay(sessionId, visa(minimum - step))
    expect([small.status, small.error?.code, small.error?.field], small.text).toEqual([422, 'amount_too_small', 'amount'])
    await payExpecting(sessionId, visa(minimum), 'paid')
  })

  test('the part that pays the rest may be smaller', async () => {
    const { sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, visa(2400), 'paid')
    expect((await payExpecting(sessionId, visa(50), 'paid')).paymentRequest.status).toBe('paid')
  })

  test('the attack as found: an Amex part of 16 cents is refused, surcharge or not', async () => {
    const { sessionId } = await visitorAtCheckout()
    for (const approvedSurcharge of [0, 1]) {
      expect((await pay(sessionId, amex(approvedSurcharge, { amount: 16 }))).error?.code).toBe('amount_too_small')
    }
  })
})

describe('splitting never lowers the surcharge: the parts of a surcharged brand carry the surcharge of their sum', () => {
  // 3 % on Amex: $1.16 alone is 3.48 cents (3), but each part is charged what the running total owes.
  const parts = [116, 116, 116, 116, 1986]
  const owed = [3, 4, 3, 4, 60]

  test('five Amex parts of a $24.50 card carry $0.74 in all, as one payment would', async () => {
    const { sessionId } = await visitorAtCheckout()
    for (const [i, amount] of parts.entries()) {
      const view = (await viewOf(sessionId)).body
      // The page quotes what the server will charge, so the payer approves the right amount.
      expect(surchargeQuote(view.surcharges, 'amex', amount, 'USD', view.charges)?.fee).toBe(owed[i])
      const answer = await payExpecting(sessionId, amex(owed[i], { amount }), 'paid')
      expect(answer.charge?.surcharge.amount).toBe(owed[i])
    }
    const charges = (await viewOf(sessionId)).body.charges
    expect(charges.reduce((sum, c) => sum + c.surcharge.amount, 0)).toBe(surchargeFor(2450, 'USD', 300))
    expect(surchargeFor(2450, 'USD', 300)).toBe(74)
  })

  test('the rounding of each part alone is refused: it would lower the surcharge', async () => {
    const { sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, amex(3, { amount: 116 }), 'paid')
    const alone = await pay(sessionId, amex(surchargeFor(116, 'USD', 300), { amount: 116 }))
    expect([alone.status, alone.error?.code, alone.error?.field]).toEqual([422, 'surcharge_not_approved', 'approvedSurcharge'])
  })

  test('parts on cards without a surcharge neither carry one nor change what the Amex parts owe', async () => {
    const { sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, amex(3, { amount: 116 }), 'paid')
    await payExpecting(sessionId, visa(1000), 'paid')
    await payExpecting(sessionId, amex(4, { amount: 116 }), 'paid')
    const last = await payExpecting(sessionId, amex(surchargeFor(1450, 'USD', 300) - 7), 'paid')
    expect(last.paymentRequest.status).toBe('paid')
    const amexCharges = last.paymentRequest.charges.filter((c) => c.cardBrand === 'amex')
    const amexParts = amexCharges.reduce((sum, c) => sum + c.amount.amount - c.surcharge.amount, 0)
    expect(amexCharges.reduce((sum, c) => sum + c.surcharge.amount, 0)).toBe(surchargeFor(amexParts, 'USD', 300))
  })
})
