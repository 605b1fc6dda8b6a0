import { describe, expect, test } from 'vitest'
import type { PaymentPage } from '../../../src/protocol/types'
import { amex, CARDS, payExpecting, viewOf, visitorAtCheckout } from './checkout-calls'
import { asOperator, card, pay, useReferenceServer } from './harness'

useReferenceServer()

describe('each currency in its own minor unit', () => {
  test.each([
    ['USD (2 decimals)', 'pp_house_blend', 'wk_demo', { amount: 2450, currency: 'USD' }],
    ['JPY (0 decimals)', 'pp_matcha_set', 'wk_sakura', { amount: 3200, currency: 'JPY' }],
    ['BHD (3 decimals)', 'pp_bahrain_gift_box', 'wk_demo', { amount: 18250, currency: 'BHD' }],
  ])('%s pays the price as it is', async (_case, pageId, widgetKey, price) => {
    const { sessionId } = await visitorAtCheckout(pageId, {}, widgetKey)
    expect((await viewOf(sessionId)).body.amountDue).toEqual(price)
    const result = await payExpecting(sessionId, card(CARDS.visa), 'paid')
    expect(result.paymentRequest).toMatchObject({ status: 'paid', amountPaid: price })
    expect(result.charge?.amount).toEqual(price)
  })

  test('JPY splits to the yen: ¥1,201 then the rest', async () => {
    const { sessionId } = await visitorAtCheckout('pp_matcha_set', {}, 'wk_sakura')
    const part = await payExpecting(sessionId, card(CARDS.visa, { amount: 1201 }), 'paid')
    expect(part.message).toBe('Part payment successful. ¥1,999 is left to pay.')
    expect((await payExpecting(sessionId, card(CARDS.jcb), 'paid')).charge?.amount).toEqual({ amount: 1999, currency: 'JPY' })
  })
})

describe('three-decimal currencies settle to two: amounts must end in 0', () => {
  test('a split of 18.245 BHD is 400 on amount; 18.240 BHD is taken and 0.010 is left', async () => {
    const { sessionId } = await visitorAtCheckout('pp_bahrain_gift_box')
    const odd = await pay(sessionId, card(CARDS.visa, { amount: 18245 }))
    expect([odd.status, odd.error?.code, odd.error?.field]).toEqual([400, 'validation_failed', 'amount'])
    expect(odd.error?.message).toContain('ending in 0')
    const part = await payExpecting(sessionId, card(CARDS.visa, { amount: 18240 }), 'paid')
    expect((await viewOf(sessionId)).body.amountDue).toEqual({ amount: 10, currency: 'BHD' })
    expect(part.paymentRequest.status).toBe('checkout_open')
    expect((await payExpecting(sessionId, card(CARDS.visa), 'paid')).paymentRequest.status).toBe('paid')
  })

  test('an extra payment of 1.005 BHD is 400 on extra.amount', async () => {
    const { sessionId } = await visitorAtCheckout('pp_bahrain_gift_box')
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
    const answer = await pay(sessionId, card(CARDS.visa, { extra: { label: 'Delivery', amount: 1005 } }))
    expect([answer.status, answer.error?.field]).toEqual([400, 'extra.amount'])
    expect((await payExpecting(sessionId, card(CARDS.visa, { extra: { label: 'Delivery', amount: 1000 } }), 'paid')).charge?.amount.amount).toBe(1000)
  })

  test('a surcharge is rounded to the currency’s step: 3 % of 18.250 BHD is 0.550 BHD', async () => {
    const { sessionId } = await visitorAtCheckout('pp_bahrain_gift_box')
    const unapproved = await pay(sessionId, amex())
    expect(unapproved.error?.message).toContain('approvedSurcharge 550')
    const result = await payExpecting(sessionId, amex(550), 'paid')
    expect(result.charge).toMatchObject({ amount: { amount: 18800, currency: 'BHD' }, surcharge: { amount: 550 } })
  })
})

describe('payment page prices follow the table too', () => {
  const page = (price: { amount: number; currency: string }) => ({
    brandId: 'brand_acme',
    title: 'Gift card',
    price,
    billing: { type: 'one_time' },
  })

  test.each([
    ['BHD', 1235],
    ['KWD', 1001],
    ['OMR', 5],
  ])('%s %i is 400 on price.amount', async (currency, amount) => {
    const answer = await asOperator('POST', '/v1/operator/payment-pages', page({ amount, currency }))
    expect([answer.status, answer.error?.field]).toEqual([400, 'price.amount'])
  })

  test.each([
    ['BHD', 1230],
    ['JPY', 1235],
    ['USD', 1235],
  ])('%s %i is taken', async (currency, amount) => {
    const answer = await asOperator<PaymentPage>('POST', '/v1/operator/payment-pages', page({ amount, currency }))
    expect(answer.status, answer.text).toBe(201)
    expect(answer.body.price).toEqual({ amount, currency })
  })

  test('a patch to 1.235 BHD is refused the same way', async () => {
    const answer = await asOperator('PATCH', '/v1/operator/payment-pages/pp_bahrain_gift_box', { price: { amount: 1235, currency: 'BHD' } })
    expect([answer.status, answer.error?.field]).toEqual([400, 'price.amount'])
  })
})
