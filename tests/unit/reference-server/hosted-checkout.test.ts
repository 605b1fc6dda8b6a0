import { describe, expect, test } from 'vitest'
import type { CheckoutSessionView } from '../../../src/protocol/types'
import {
  advanceClock,
  asOperator,
  call,
  card,
  cardOf,
  checkout,
  dumpState,
  messagesOf,
  openCheckout,
  pay,
  startVisitor,
  useReferenceServer,
} from './harness'

const state = useReferenceServer()

const view = (id: string) => call<CheckoutSessionView>('GET', `/v1/checkout/sessions/${id}`)

describe('GET /v1/checkout/sessions/{id}', () => {
  test('shows the brand, the item, the request and the session, with no token (the id is the capability)', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor, 'pp_coffee_club')
    const answer = await view(link.checkoutSessionId)
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({
      id: link.checkoutSessionId,
      paymentRequestId: shared.id,
      mode: 'subscription',
      status: 'open',
      paymentStatus: 'unpaid',
      transactionType: 'sale',
      brand: { name: 'Acme Coffee', color: '#7a3e1d' },
      item: { title: shared.title, description: shared.description, price: shared.price, billing: shared.billing },
      paymentRequestStatus: 'checkout_open',
      failure: null,
      receipt: null,
      amountPaid: { amount: 0, currency: 'USD' },
      amountDue: shared.price,
      charges: [],
      extraPaymentsLeft: 0,
      surcharges: { amex: 300 },
      wallet: true,
      subscription: null,
      challenge: null,
      expiresAt: link.expiresAt,
      openerOrigin: null,
    })
  })

  test('an unknown session is 404', async () => {
    const answer = await view('cs_nope')
    expect(answer.status).toBe(404)
    expect(answer.error?.code).toBe('not_found')
  })
})

describe('POST /v1/checkout/sessions/{id}/pay', () => {
  test('4242 pays: a visa receipt with last 4 and a ch_ reference, and the session is complete', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    const answer = await pay(link.checkoutSessionId, card('4242 4242 4242 4242'))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      outcome: 'paid',
      message: expect.any(String),
      paymentRequest: {
        id: shared.id,
        status: 'paid',
        receipt: { cardBrand: 'visa', last4: '4242', reference: expect.stringMatching(/^ch_/), paidAt: expect.any(String) },
      },
    })
    expect((await view(link.checkoutSessionId)).body).toMatchObject({ status: 'complete', paymentRequestStatus: 'paid' })
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('paid')
  })

  test('0002 fails with card_declined, and 4242 in the same session then pays', async () => {
    const visitor = await startVisitor()
    const { link } = await openCheckout(visitor)
    const declined = await pay(link.checkoutSessionId, card('4000 0000 0000 0002'))
    expect(declined.status).toBe(200)
    expect(declined.body).toMatchObject({
      outcome: 'failed',
      paymentRequest: { status: 'failed', failure: { code: 'card_declined' }, receipt: null },
    })
    expect((await view(link.checkoutSessionId)).body).toMatchObject({ status: 'open', failure: { code: 'card_declined' } })

    const paid = await pay(link.checkoutSessionId, card('4242424242424242'))
    expect(paid.body).toMatchObject({ outcome: 'paid', paymentRequest: { status: 'paid', receipt: { last4: '4242' } } })
  })

  test('0119 leaves the payment unknown with "Do not resubmit", and the session takes no second try', async () => {
    const visitor = await startVisitor()
    const { link } = await openCheckout(visitor)
    const answer = await pay(link.checkoutSessionId, card('4000 0000 0000 0119'))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      outcome: 'unknown',
      message: expect.stringContaining('Do not resubmit'),
      paymentRequest: { status: 'unknown', failure: { code: 'processing_error' } },
    })
    expect((await view(link.checkoutSessionId)).body.status).toBe('complete')
    expect((await pay(link.checkoutSessionId, card('4242 4242 4242 4242'))).status).toBe(409)
  })

  // Acme Coffee's gateway charges 3 % on amex: 73.5 cents of $24.50, rounded half up, approved by the payer.
  test.each([
    ['mastercard', '5555 5555 5555 4444', '123', 0],
    ['amex', '3782 822463 10005', '1234', 74],
    ['jcb', '3530 1113 3330 0000', '123', 0],
  ])('any other valid number pays and keeps its brand: %s', async (brand, number, cvc, approvedSurcharge) => {
    const visitor = await startVisitor()
    const { link } = await openCheckout(visitor)
    const answer = await pay(link.checkoutSessionId, card(number, { cvc, approvedSurcharge }))
    expect(answer.body).toMatchObject({ outcome: 'paid', paymentRequest: { receipt: { cardBrand: brand } } })
  })

  test.each([
    ['a number failing Luhn', card('4242 4242 4242 4241'), 'number'],
    ['a number too short', card('4242 4242 42'), 'number'],
    ['letters in the number', card('4242 4242 4242 424x'), 'number'],
    ['a 2-digit CVC', card('4242 4242 4242 4242', { cvc: '12' }), 'cvc'],
    ['a 4-digit CVC on visa', card('4242 4242 4242 4242', { cvc: '1234' }), 'cvc'],
    ['a 3-digit CVC on amex', card('3782 822463 10005', { cvc: '123' }), 'cvc'],
    ['an empty name', card('4242 4242 4242 4242', { name: '' }), 'name'],
    ['a blank name', card('4242 4242 4242 4242', { name: '   ' }), 'name'],
    ['month 13', card('4242 4242 4242 4242', { expMonth: 13 }), 'expMonth'],
  ])('%s is 400 validation_failed on that field and charges nothing', async (_case, body, field) => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    const answer = await pay(link.checkoutSessionId, body)
    expect(answer.status).toBe(400)
    expect(answer.error).toMatchObject({ code: 'validation_failed', field })
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('checkout_open')
  })

  test('expiry is judged by the server clock, mock offset included: this month pays, last month is 400 expiry', async () => {
    // A year ahead on the mock clock, a card valid by the wall clock has expired.
    const serverNow = new Date(await advanceClock(366 * 24 * 3_600_000))
    const wallNextMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1))
    const month = (d: Date) => ({ expYear: d.getUTCFullYear(), expMonth: d.getUTCMonth() + 1 })
    const serverLastMonth = new Date(Date.UTC(serverNow.getUTCFullYear(), serverNow.getUTCMonth() - 1, 1))
    const visitor = await startVisitor()

    for (const expired of [month(wallNextMonth), month(serverLastMonth)]) {
      const { link } = await openCheckout(visitor)
      const answer = await pay(link.checkoutSessionId, card('4242 4242 4242 4242', expired))
      expect(answer.status, JSON.stringify(expired)).toBe(400)
      expect(answer.error).toMatchObject({ code: 'validation_failed', field: 'expiry' })
    }
    const { link } = await openCheckout(visitor)
    expect((await pay(link.checkoutSessionId, card('4242 4242 4242 4242', month(serverNow)))).body.outcome).toBe('paid')
  })

  test('a revoked request is 409 invalid_state', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    await asOperator('POST', `/v1/operator/payment-requests/${shared.id}/revoke`)
    const answer = await pay(link.checkoutSessionId, card('4242 4242 4242 4242'))
    expect(answer.status).toBe(409)
    expect(answer.error?.code).toBe('invalid_state')
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('revoked')
  })

  test('a paid request is 409 invalid_state and keeps its first receipt', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    const first = await pay(link.checkoutSessionId, card('4242 4242 4242 4242'))
    const second = await pay(link.checkoutSessionId, card('5555 5555 5555 4444'))
    expect(second.status).toBe(409)
    expect((await cardOf(visitor.token, shared.id)).body.receipt).toEqual(first.body.paymentRequest.receipt)
  })

  test('the full card number is never kept nor answered, only brand and last 4', async () => {
    const numbers = ['4242 4242 4242 4242', '4000 0000 0000 0002', '4000 0000 0000 0119', '3782 822463 10005']
    const answers: string[] = []
    const visitor = await startVisitor()
    for (const number of numbers) {
      const { card: shared, link } = await openCheckout(visitor)
      const amex = number.startsWith('37')
      answers.push((await pay(link.checkoutSessionId, card(number, amex ? { cvc: '1234', approvedSurcharge: 74 } : {}))).text)
      answers.push((await view(link.checkoutSessionId)).text, (await cardOf(visitor.token, shared.id)).text)
      answers.push((await checkout(visitor.token, shared.id)).text)
    }
    answers.push((await messagesOf(visitor.token, visitor.conversationId)).text)
    answers.push((await asOperator('GET', `/v1/operator/conversations/${visitor.conversationId}/messages`)).text)
    answers.push((await asOperator('GET', '/v1/operator/conversations')).text)

    const kept = dumpState(state)
    expect(kept).toContain('"last4":"0119"') // the dump does reach the payment records
    for (const number of numbers) {
      const digits = number.replace(/\s/g, '')
      expect(kept).not.toContain(digits)
      expect(kept).not.toContain(number)
      for (const text of answers) expect(text).not.toContain(digits)
    }
  })
})
