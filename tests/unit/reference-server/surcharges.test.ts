import { describe, expect, test } from 'vitest'
import type { Gateway } from '../../../src/protocol/types'
import { amex, CARDS, payExpecting, transactionsOf, viewOf, visitorAtCheckout } from './checkout-calls'
import { asOperator, card, cardOf, pay, useReferenceServer } from './harness'

useReferenceServer()

// Acme Coffee's card gateway charges 3 % on amex: on $24.50 that is 73.5 cents, rounded half up to 74.
const FEE = 74

describe('a card brand with a surcharge (amex on Acme Coffee, 3 %)', () => {
  test('the page is told the surcharges before paying', async () => {
    const { sessionId } = await visitorAtCheckout()
    expect((await viewOf(sessionId)).body.surcharges).toEqual({ amex: 300 })
  })

  test('without approvedSurcharge: 422 surcharge_not_approved on approvedSurcharge, stating the fee, nothing charged', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    const answer = await pay(sessionId, amex())
    expect([answer.status, answer.error?.code, answer.error?.field]).toEqual([422, 'surcharge_not_approved', 'approvedSurcharge'])
    expect(answer.error?.message).toContain('$0.74')
    expect(answer.error?.message).toContain(`approvedSurcharge ${FEE}`)
    expect((await cardOf(visitor.token, shared.id)).body).toMatchObject({ status: 'checkout_open', charges: [] })
    expect(await transactionsOf(visitor.conversationId)).toEqual([])
  })

  test.each([FEE - 1, FEE + 1, 0])('approving another fee (%i) is refused the same way', async (approvedSurcharge) => {
    const { visitor, sessionId } = await visitorAtCheckout()
    const answer = await pay(sessionId, amex(approvedSurcharge))
    expect([answer.status, answer.error?.code]).toEqual([422, 'surcharge_not_approved'])
    expect(await transactionsOf(visitor.conversationId)).toEqual([])
  })

  test('with the fee approved: charged price + fee, the fee in charge.surcharge, the price counted as paid', async () => {
    const { visitor, card: shared, sessionId } = await visitorAtCheckout()
    const result = await payExpecting(sessionId, amex(FEE), 'paid')
    expect(result.charge).toMatchObject({
      cardBrand: 'amex',
      amount: { amount: 2450 + FEE, currency: 'USD' },
      surcharge: { amount: FEE, currency: 'USD' },
    })
    expect(result.paymentRequest).toMatchObject({ status: 'paid', amountPaid: shared.price })
    expect(await transactionsOf(visitor.conversationId)).toMatchObject([{ result: 'approved', amount: { amount: 2450 + FEE } }])
  })

  test('on part of a split the fee is on that part only', async () => {
    const { sessionId } = await visitorAtCheckout()
    const part = await payExpecting(sessionId, amex(30, { amount: 1000 }), 'paid')
    expect(part.charge).toMatchObject({ amount: { amount: 1030 }, surcharge: { amount: 30 } })
    expect(part.paymentRequest.amountPaid.amount).toBe(1000)
    const rest = await payExpecting(sessionId, card(CARDS.visa), 'paid')
    expect(rest.charge?.amount.amount).toBe(1450)
  })

  test('saving an amex charges nothing, so it carries no surcharge', async () => {
    const { sessionId } = await visitorAtCheckout('pp_house_blend', { transactionType: 'save_card' })
    expect((await payExpecting(sessionId, amex(), 'paid')).paymentRequest.status).toBe('card_saved')
  })
})

describe('a card brand without one', () => {
  test('a visa pays the price with approvedSurcharge left out or 0', async () => {
    for (const approvedSurcharge of [undefined, 0]) {
      const { sessionId } = await visitorAtCheckout()
      const result = await payExpecting(sessionId, card(CARDS.visa, approvedSurcharge === undefined ? {} : { approvedSurcharge }), 'paid')
      expect(result.charge).toMatchObject({ amount: { amount: 2450 }, surcharge: { amount: 0 } })
    }
  })

  test('a visa with a surcharge approved is refused: there is none to approve', async () => {
    const { sessionId } = await visitorAtCheckout()
    const answer = await pay(sessionId, card(CARDS.visa, { approvedSurcharge: FEE }))
    expect([answer.status, answer.error?.code]).toEqual([422, 'surcharge_not_approved'])
  })

  test('an amex on a gateway without surcharges (Sakura Tea) pays the price', async () => {
    const { sessionId } = await visitorAtCheckout('pp_matcha_set', {}, 'wk_sakura')
    expect((await viewOf(sessionId)).body.surcharges).toEqual({})
    expect((await payExpecting(sessionId, amex(), 'paid')).charge?.surcharge.amount).toBe(0)
  })
})

describe('surcharges are configured per gateway (POST /v1/operator/gateways)', () => {
  const stripe = { publishableKey: 'pk_test_51Habc123', secretKey: 'sk_test_51Hsecret4xQ2' }
  const addGateway = (brandId: string, surcharges: unknown) =>
    asOperator<Gateway>('POST', '/v1/operator/gateways', { brandId, provider: 'stripe', credentials: stripe, surcharges })

  test.each([0, 1000])('%i basis points is stored and listed', async (bp) => {
    const created = await addGateway('brand_sakura', { jcb: bp })
    expect(created.status, created.text).toBe(201)
    expect(created.body.surcharges).toEqual({ jcb: bp })
    const listed = await asOperator<{ gateways: Gateway[] }>('GET', '/v1/operator/gateways')
    expect(listed.body.gateways).toContainEqual(created.body)
  })

  test.each([
    [{ amex: -1 }, 'surcharges.amex'],
    [{ amex: 1001 }, 'surcharges.amex'],
    [{ amex: 2.5 }, 'surcharges.amex'],
    [{ amex: '300' }, 'surcharges.amex'],
    [{ diners: 100 }, 'surcharges'],
  ])('%j is 400 on %s and adds no gateway', async (surcharges, field) => {
    const before = (await asOperator<{ gateways: Gateway[] }>('GET', '/v1/operator/gateways')).body.gateways
    const answer = await addGateway('brand_acme', surcharges)
    expect(answer.status).toBe(400)
    expect(answer.error?.code).toBe('validation_failed')
    expect(answer.error?.field).toContain(field)
    expect((await asOperator<{ gateways: Gateway[] }>('GET', '/v1/operator/gateways')).body.gateways).toEqual(before)
  })

  test('the gateway added last is the one in use: its surcharge is asked for in JPY (2.5 % of ¥3,200 = ¥80)', async () => {
    await addGateway('brand_sakura', { jcb: 250 })
    const { sessionId } = await visitorAtCheckout('pp_matcha_set', {}, 'wk_sakura')
    expect((await viewOf(sessionId)).body.surcharges).toEqual({ jcb: 250 })
    const unapproved = await pay(sessionId, card(CARDS.jcb))
    expect(unapproved.error?.message).toContain('¥80')
    const result = await payExpecting(sessionId, card(CARDS.jcb, { approvedSurcharge: 80 }), 'paid')
    expect(result.charge).toMatchObject({ amount: { amount: 3280, currency: 'JPY' }, surcharge: { amount: 80 } })
  })
})
