import { describe, expect, test } from 'vitest'
import { asOperator,
  advanceClock,
  call,
  card,
  cardOf,
  checkout,
  HOUR,
  messagesOf,
  MINUTE,
  openCheckout,
  pay,
  share,
  startVisitor,
  useReferenceServer,
  visitorStream,
} from './harness'

useReferenceServer()

describe('the mock clock', () => {
  test('GET tells the time and POST moves it forward', async () => {
    const before = await asOperator<{ now: string }>('GET', '/v1/mock/clock')
    const after = await advanceClock(2 * HOUR)
    expect(Date.parse(after) - Date.parse(before.body.now)).toBeGreaterThanOrEqual(2 * HOUR)
    expect(Date.parse(after) - Date.parse(before.body.now)).toBeLessThan(2 * HOUR + MINUTE)
  })

  test.each([-1, 1.5, 'soon'])('advanceMs %j is 400 on advanceMs', async (advanceMs) => {
    const answer = await asOperator('POST', '/v1/mock/clock', { advanceMs })
    expect(answer.status).toBe(400)
    expect(answer.error?.field).toBe('advanceMs')
  })
})

describe('a shared card', () => {
  test('expires 24 h after it was shared, with a payment_request.updated event', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    const { lastEventId } = (await messagesOf(visitor.token, visitor.conversationId)).body
    await advanceClock(24 * HOUR)

    // The stream is read before anything else sweeps: moving the clock itself expired the card.
    const stream = await visitorStream(visitor.token, visitor.conversationId, lastEventId)
    const events = await stream.next(2, 100)
    expect(events).toEqual([
      {
        id: String(Number(lastEventId) + 1),
        event: 'payment_request.updated',
        data: expect.objectContaining({ paymentRequest: expect.objectContaining({ id: shared.id, status: 'expired' }) }),
      },
    ])
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('expired')
  })

  test('is still pending a minute before', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    await advanceClock(24 * HOUR - MINUTE)
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('pending')
  })

  test('expires while a checkout is open, and its page stops taking payments', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    await advanceClock(24 * HOUR)
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('expired')
    expect((await pay(link.checkoutSessionId, card('4242 4242 4242 4242'))).status).toBe(409)
  })

  test('a checkout session never outlives its card', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    await advanceClock(24 * HOUR - 10 * MINUTE)
    const link = await checkout(visitor.token, shared.id)
    expect(link.body.expiresAt).toBe(shared.expiresAt)
  })
})

describe('a checkout session', () => {
  test('shared with checkoutMinutes 30 lives 30 minutes: then pay is 422 checkout_expired, and Pay now again gives a new session that pays', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor, undefined, { checkoutMinutes: 30 })
    expect(Date.parse(link.expiresAt) - Date.parse(shared.createdAt)).toBeGreaterThanOrEqual(30 * MINUTE)
    await advanceClock(30 * MINUTE)

    const late = await pay(link.checkoutSessionId, card('4242 4242 4242 4242'))
    expect(late.status).toBe(422)
    expect(late.error?.code).toBe('checkout_expired')
    expect((await call<{ status: string }>('GET', `/v1/checkout/sessions/${link.checkoutSessionId}`)).body.status).toBe('expired')
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('checkout_open')

    const again = await checkout(visitor.token, shared.id)
    expect(again.status).toBe(200)
    expect(again.body.checkoutSessionId).not.toBe(link.checkoutSessionId)
    expect((await pay(again.body.checkoutSessionId, card('4242 4242 4242 4242'))).body.outcome).toBe('paid')
  })

  test('shared with checkoutMinutes 30 still pays at 29 minutes', async () => {
    const visitor = await startVisitor()
    const { link } = await openCheckout(visitor, undefined, { checkoutMinutes: 30 })
    await advanceClock(29 * MINUTE)
    expect((await pay(link.checkoutSessionId, card('4242 4242 4242 4242'))).body.outcome).toBe('paid')
  })
})
