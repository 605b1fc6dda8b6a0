import { describe, expect, test } from 'vitest'
import { asOperator, call, card, checkout, messagesOf, pay, referenceServer, share, startVisitor } from './harness'

const state = referenceServer()

const decline = (token: string, id: string) => call<any>('POST', `/v1/payment-requests/${id}/decline`, { token })
const revoke = (id: string) => asOperator<any>('POST', `/payment-requests/${id}/revoke`)

async function paid() {
  const visitor = await startVisitor()
  const request = await share(visitor.conversationId)
  const link = await checkout(visitor.token, request.id)
  await pay(link.body.checkoutSessionId, card('4242424242424242'))
  return { ...visitor, request }
}

describe('sharing a card', () => {
  test('creates a pending request and a payment_request message that embeds it', async () => {
    const { token, conversationId } = await startVisitor()
    const request = await share(conversationId)
    expect(request).toMatchObject({ status: 'pending', title: 'House blend, 1 kg', price: { amount: 2450, currency: 'USD' } })
    const [message] = (await messagesOf(token, conversationId)).body.messages
    expect(message).toMatchObject({ type: 'payment_request', paymentRequest: { id: request.id, status: 'pending' } })
  })

  test('a page of another brand is 422 brand_mismatch, and an unknown page 404', async () => {
    const { conversationId } = await startVisitor()
    const res = await asOperator<any>('POST', `/conversations/${conversationId}/payment-requests`, { paymentPageId: 'pp_matcha_set' })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('brand_mismatch')
    expect((await asOperator('POST', `/conversations/${conversationId}/payment-requests`, { paymentPageId: 'pp_nope' })).status).toBe(404)
  })
})

describe('Pay now never opens two checkouts', () => {
  test('without an Idempotency-Key it is 400', async () => {
    const { token, conversationId } = await startVisitor()
    const request = await share(conversationId)
    const res = await call<any>('POST', `/v1/payment-requests/${request.id}/checkout`, { token })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('missing_idempotency_key')
  })

  test('the same key gets the identical answer; another key while open gets the same session', async () => {
    const { token, conversationId } = await startVisitor()
    const request = await share(conversationId)
    const first = await checkout(token, request.id, 'a')
    expect(first.status).toBe(200)
    expect(first.body.checkoutUrl).toBe(`http://paychat.test/checkout/${first.body.checkoutSessionId}`)
    expect((await checkout(token, request.id, 'a')).body).toEqual(first.body)
    expect((await checkout(token, request.id, 'b')).body.checkoutSessionId).toBe(first.body.checkoutSessionId)
    expect((await call<any>('GET', `/v1/payment-requests/${request.id}`, { token })).body.status).toBe('checkout_open')
    expect(state.checkoutSessions.size).toBe(1)
  })
})

describe('state conflicts are 409', () => {
  test('a paid request cannot be paid, cancelled or revoked again', async () => {
    const { token, request } = await paid()
    for (const res of [await checkout(token, request.id, 'new'), await decline(token, request.id), await revoke(request.id)]) {
      expect(res.status).toBe(409)
      expect((res.body as any).error.code).toBe('invalid_state')
    }
  })

  test('a declined request cannot be revoked or paid; declining again is harmless', async () => {
    const { token, conversationId } = await startVisitor()
    const request = await share(conversationId)
    expect((await decline(token, request.id)).body.status).toBe('declined')
    expect((await decline(token, request.id)).status).toBe(200)
    expect((await revoke(request.id)).status).toBe(409)
    expect((await checkout(token, request.id)).status).toBe(409)
  })

  test('a revoked request cannot be paid, even on a checkout page already open', async () => {
    const { token, conversationId } = await startVisitor()
    const request = await share(conversationId)
    const link = await checkout(token, request.id)
    expect((await revoke(request.id)).body.status).toBe('revoked')
    expect((await checkout(token, request.id, 'again')).status).toBe(409)
    const attempt = await pay(link.body.checkoutSessionId, card('4242424242424242'))
    expect(attempt.status).toBe(409)
    expect(attempt.body.error?.code).toBe('invalid_state')
  })

  test('after a technical failure Pay now is refused until the status is known; settling resolves it', async () => {
    const { token, conversationId } = await startVisitor()
    const request = await share(conversationId)
    const link = await checkout(token, request.id)
    const failure = await pay(link.body.checkoutSessionId, card('4000000000000119'))
    expect(failure.body).toMatchObject({ outcome: 'unknown', paymentRequest: { status: 'unknown' } })
    const again = await checkout(token, request.id, 'retry')
    expect(again.status).toBe(409)
    expect((again.body as any).error.code).toBe('payment_status_unknown')
    expect((await revoke(request.id)).status).toBe(409)

    const settled = await call<any>('POST', `/v1/mock/payment-requests/${request.id}/settle`, { body: { outcome: 'paid' } })
    expect(settled.body).toMatchObject({ status: 'paid', receipt: { last4: '0119', cardBrand: 'visa' } })
  })

  test('an unknown payment can also settle as failed, and then Pay now is offered again', async () => {
    const { token, conversationId } = await startVisitor()
    const request = await share(conversationId)
    await pay((await checkout(token, request.id)).body.checkoutSessionId, card('4000000000000119'))
    const settled = await call<any>('POST', `/v1/mock/payment-requests/${request.id}/settle`, { body: { outcome: 'failed' } })
    expect(settled.body.status).toBe('failed')
    expect((await checkout(token, request.id, 'second-attempt')).status).toBe(200)
  })
})

describe('time', () => {
  test('a pending card expires 24 hours after it was shared', async () => {
    const { token, conversationId } = await startVisitor()
    const request = await share(conversationId)
    await call('POST', '/v1/mock/clock', { body: { advanceMs: 23 * 3_600_000 } })
    expect((await call<any>('GET', `/v1/payment-requests/${request.id}`, { token })).body.status).toBe('pending')
    await call('POST', '/v1/mock/clock', { body: { advanceMs: 3_600_000 } })
    expect((await call<any>('GET', `/v1/payment-requests/${request.id}`, { token })).body.status).toBe('expired')
    expect((await checkout(token, request.id)).status).toBe(409)
  })

  test('a checkout page older than 30 minutes takes no payment; Pay now again gives a new session', async () => {
    const { token, conversationId } = await startVisitor()
    const request = await share(conversationId)
    const old = await checkout(token, request.id, 'first')
    await call('POST', '/v1/mock/clock', { body: { advanceMs: 31 * 60_000 } })
    const late = await pay(old.body.checkoutSessionId, card('4242424242424242'))
    expect(late.status).toBe(422)
    expect(late.body.error?.code).toBe('checkout_expired')
    const fresh = await checkout(token, request.id, 'second')
    expect(fresh.body.checkoutSessionId).not.toBe(old.body.checkoutSessionId)
    expect((await pay(fresh.body.checkoutSessionId, card('4242424242424242'))).body.outcome).toBe('paid')
  })
})
