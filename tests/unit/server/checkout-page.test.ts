import { describe, expect, test } from 'vitest'
import { call, card, checkout, pay, referenceServer, share, startVisitor } from './harness'

const state = referenceServer()

async function openCheckout(pageId = 'pp_house_blend') {
  const { token, conversationId } = await startVisitor()
  const request = await share(conversationId, pageId)
  const link = await checkout(token, request.id)
  return { token, request, sessionId: link.body.checkoutSessionId }
}

describe('the hosted checkout page API', () => {
  test('shows the brand, the item and which request it pays', async () => {
    const { request, sessionId } = await openCheckout('pp_coffee_club')
    const view = await call<any>('GET', `/v1/checkout/sessions/${sessionId}`)
    expect(view.body).toMatchObject({
      id: sessionId,
      paymentRequestId: request.id,
      status: 'open',
      brand: { name: 'Acme Coffee' },
      item: { title: 'Coffee club subscription', billing: { type: 'recurring', interval: 'month', intervalCount: 2 } },
      paymentRequestStatus: 'checkout_open',
    })
    expect((await call('GET', '/v1/checkout/sessions/cs_unknown')).status).toBe(404)
  })

  test('4242 pays: a receipt with brand, last 4 and a processor reference, and the session completes', async () => {
    const { sessionId } = await openCheckout()
    const res = await pay(sessionId, card('4242 4242 4242 4242'))
    expect(res.body.outcome).toBe('paid')
    expect(res.body.paymentRequest.receipt).toMatchObject({ cardBrand: 'visa', last4: '4242', reference: expect.stringMatching(/^ch_/) })
    expect((await call<any>('GET', `/v1/checkout/sessions/${sessionId}`)).body.status).toBe('complete')
    expect((await pay(sessionId, card('4242424242424242'))).status).toBe(409)
  })

  test('0002 is declined with a reason, and the same page can then pay with another card', async () => {
    const { sessionId } = await openCheckout()
    const declined = await pay(sessionId, card('4000000000000002'))
    expect(declined.body).toMatchObject({
      outcome: 'failed',
      message: 'Your card was declined. Try another card.',
      paymentRequest: { status: 'failed', failure: { code: 'card_declined' } },
    })
    expect((await pay(sessionId, card('5555555555554444'))).body.paymentRequest.receipt?.cardBrand).toBe('mastercard')
  })

  test('0119 leaves the status unknown and says not to resubmit', async () => {
    const { sessionId } = await openCheckout()
    const res = await pay(sessionId, card('4000000000000119'))
    expect(res.body).toMatchObject({ outcome: 'unknown', message: 'Do not resubmit: the payment status is unknown.' })
    expect((await pay(sessionId, card('4242424242424242'))).status).toBe(409)
  })

  test.each([
    [card('4242424242424241'), 'number'],
    [card('4242'), 'number'],
    [card('4242424242424242', { expMonth: 1, expYear: 2020 }), 'expiry'],
    [card('4242424242424242', { cvc: '12' }), 'cvc'],
    [card('378282246310005', { cvc: '123' }), 'cvc'],
    [card('4242424242424242', { name: '  ' }), 'name'],
    [{ ...card('4242424242424242'), expMonth: 13 }, 'expMonth'],
  ])('a bad card is 400 naming the field (%#: %s)', async (body, field) => {
    const { sessionId } = await openCheckout()
    const res = await pay(sessionId, body)
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field })
  })

  test('an Amex with its 4-digit code pays', async () => {
    const { sessionId } = await openCheckout()
    const res = await pay(sessionId, card('378282246310005', { cvc: '1234' }))
    expect(res.body.paymentRequest.receipt).toMatchObject({ cardBrand: 'amex', last4: '0005' })
  })

  test('no full card number is kept anywhere in the server state', async () => {
    const { sessionId } = await openCheckout()
    await pay(sessionId, card('4000000000000002'))
    await pay(sessionId, card('4242424242424242'))
    const everything = JSON.stringify([...Object.values(state)].filter((v) => v instanceof Map).map((m) => [...m.values()]))
    expect(everything).toContain('4242')
    expect(everything).not.toMatch(/4242424242424242|4000000000000002/)
    expect(everything).not.toContain('"123"')
  })
})
