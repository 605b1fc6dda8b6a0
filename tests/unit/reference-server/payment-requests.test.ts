import { describe, expect, test } from 'vitest'
import type { CheckoutSessionView, PaymentRequest, PaymentRequestStatus, SessionResponse } from '../../../src/protocol/types'
import {
  advanceClock,
  asOperator,
  BASE,
  call,
  card,
  cardOf,
  checkout,
  HOUR,
  messagesOf,
  openCheckout,
  pay,
  share,
  type ShareOptions,
  startVisitor,
  useReferenceServer,
  visitorStream,
} from './harness'

useReferenceServer()

type Visitor = Awaited<ReturnType<typeof startVisitor>>

const decline = (visitor: Visitor, id: string) =>
  call<PaymentRequest>('POST', `/v1/payment-requests/${id}/decline`, { token: visitor.token })
const revoke = (id: string) => asOperator<PaymentRequest>('POST', `/v1/operator/payment-requests/${id}/revoke`)
const settle = (id: string, outcome: string) => asOperator<PaymentRequest>('POST', `/v1/mock/payment-requests/${id}/settle`, { outcome })

/** A card of `visitor` brought to `status` through the API. */
async function cardIn(visitor: Visitor, status: PaymentRequestStatus): Promise<PaymentRequest> {
  const payWith = async (number: string, options: ShareOptions = {}) => {
    const { card: shared, link } = await openCheckout(visitor, undefined, options)
    expect((await pay(link.checkoutSessionId, card(number))).status).toBe(200)
    return shared
  }
  const shared = await {
    pending: () => share(visitor.conversationId),
    checkout_open: async () => (await openCheckout(visitor)).card,
    failed: () => payWith('4000 0000 0000 0002'),
    paid: () => payWith('4242 4242 4242 4242'),
    unknown: () => payWith('4000 0000 0000 0119'),
    authorized: () => payWith('4242 4242 4242 4242', { transactionType: 'authorize' }),
    voided: async () => {
      const held = await payWith('4242 4242 4242 4242', { transactionType: 'authorize' })
      expect((await asOperator('POST', `/v1/operator/payment-requests/${held.id}/void`)).status).toBe(200)
      return held
    },
    card_saved: () => payWith('4242 4242 4242 4242', { transactionType: 'save_card' }),
    declined: async () => {
      const pending = await share(visitor.conversationId)
      expect((await decline(visitor, pending.id)).status).toBe(200)
      return pending
    },
    revoked: async () => {
      const pending = await share(visitor.conversationId)
      expect((await revoke(pending.id)).status).toBe(200)
      return pending
    },
    expired: async () => {
      const pending = await share(visitor.conversationId)
      await advanceClock(24 * HOUR)
      return pending
    },
  }[status]()
  const now = await cardOf(visitor.token, shared.id)
  expect(now.body.status).toBe(status)
  return now.body
}

describe('sharing a card', () => {
  test('is 201 pending, copied from the payment page, and payable for 24 h', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId, 'pp_coffee_club')
    expect(shared).toMatchObject({
      id: expect.stringMatching(/^pr_/),
      conversationId: visitor.conversationId,
      paymentPageId: 'pp_coffee_club',
      title: 'Coffee club subscription',
      price: { amount: 3600, currency: 'USD' },
      billing: { type: 'recurring', interval: 'month', intervalCount: 2 },
      status: 'pending',
      failure: null,
      receipt: null,
    })
    expect(Date.parse(shared.expiresAt) - Date.parse(shared.createdAt)).toBe(24 * HOUR)
    expect(shared).not.toHaveProperty('brandId')
    expect(shared).not.toHaveProperty('checkoutSessionId')
  })

  test('adds a payment_request message embedding the card, emitted as one message.created', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    const page = await messagesOf(visitor.token, visitor.conversationId)
    expect(page.body.messages).toEqual([
      expect.objectContaining({ type: 'payment_request', text: '', author: { role: 'operator', name: 'Acme Coffee' }, paymentRequest: shared }),
    ])

    const stream = await visitorStream(visitor.token, visitor.conversationId, '0')
    const events = await stream.next(2, 100)
    expect(events.map((e) => e.data.type)).toEqual(['message.created'])
    expect(events[0]!.data).toMatchObject({ message: { id: page.body.messages[0]!.id, paymentRequest: { id: shared.id, status: 'pending' } } })
  })

  test('the message shows the card as it is now, not as it was shared', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    await decline(visitor, shared.id)
    const page = await messagesOf(visitor.token, visitor.conversationId)
    expect(page.body.messages[0]!.paymentRequest?.status).toBe('declined')
  })

  test('a page of another brand is 422 brand_mismatch', async () => {
    const visitor = await startVisitor('wk_demo')
    const answer = await asOperator('POST', `/v1/operator/conversations/${visitor.conversationId}/payment-requests`, {
      paymentPageId: 'pp_matcha_set',
    })
    expect(answer.status).toBe(422)
    expect(answer.error).toMatchObject({ code: 'brand_mismatch', field: 'paymentPageId' })
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.messages).toEqual([])
  })

  test.each([
    ['an unknown payment page', (conversationId: string) => [conversationId, 'pp_nope']],
    ['an unknown conversation', () => ['conv_nope', 'pp_house_blend']],
  ])('%s is 404 not_found', async (_case, ids) => {
    const visitor = await startVisitor()
    const [conversationId, paymentPageId] = ids(visitor.conversationId)
    const answer = await asOperator('POST', `/v1/operator/conversations/${conversationId}/payment-requests`, { paymentPageId })
    expect(answer.status).toBe(404)
    expect(answer.error?.code).toBe('not_found')
  })
})

describe('checkout', () => {
  test('without an Idempotency-Key is 400 idempotency_key_required and the card stays pending', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    const answer = await call('POST', `/v1/payment-requests/${shared.id}/checkout`, { token: visitor.token })
    expect(answer.status).toBe(400)
    expect(answer.error?.code).toBe('idempotency_key_required')
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('pending')
  })

  test.each([
    ['1 character', 'k', 200],
    ['255 characters', 'k'.repeat(255), 200],
    ['256 characters', 'k'.repeat(256), 400],
  ])('an Idempotency-Key of %s answers %i', async (_case, key, status) => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    expect((await checkout(visitor.token, shared.id, key)).status).toBe(status)
  })

  test('opens a checkout session on the public URL and the card turns checkout_open', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    const answer = await checkout(visitor.token, shared.id)
    expect(answer.status).toBe(200)
    const { checkoutSessionId, checkoutUrl, expiresAt } = answer.body
    expect(checkoutSessionId).toMatch(/^cs_/)
    expect(checkoutUrl).toBe(`${BASE}/checkout/${checkoutSessionId}`)
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now())
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('checkout_open')
  })

  test('the checkout opens in the language the widget started the session in', async () => {
    const session = await call<SessionResponse>('POST', '/v1/sessions', { body: { widgetKey: 'wk_sakura', locale: 'ja' } })
    const { token } = session.body.session
    const shared = await share(session.body.conversation.id, 'pp_matcha_set')
    const { checkoutSessionId, checkoutUrl } = (await checkout(token, shared.id)).body
    expect(checkoutUrl).toBe(`${BASE}/checkout/${checkoutSessionId}?locale=ja`)
  })

  test('the same key gets the identical answer', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    const first = await checkout(visitor.token, shared.id, 'same-key')
    const again = await checkout(visitor.token, shared.id, 'same-key')
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
  })

  test('other keys while the session is open land on the same session (double click, two tabs)', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    const [a, b] = await Promise.all([checkout(visitor.token, shared.id, 'tab-1'), checkout(visitor.token, shared.id, 'tab-2')])
    const c = await checkout(visitor.token, shared.id, 'tab-3')
    expect(new Set([a.body.checkoutSessionId, b.body.checkoutSessionId, c.body.checkoutSessionId]).size).toBe(1)
  })

  test('after a declined card, Pay now again reuses the still open session', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    await pay(link.checkoutSessionId, card('4000 0000 0000 0002'))
    const again = await checkout(visitor.token, shared.id)
    expect(again.status).toBe(200)
    expect(again.body.checkoutSessionId).toBe(link.checkoutSessionId)
    expect((await cardOf(visitor.token, shared.id)).body).toMatchObject({ status: 'checkout_open', failure: { code: 'card_declined' } })
  })
})

describe('status transitions', () => {
  const actions = {
    checkout: (visitor: Visitor, id: string) => checkout(visitor.token, id),
    decline: (visitor: Visitor, id: string) => decline(visitor, id),
    revoke: (_visitor: Visitor, id: string) => revoke(id),
  }
  type Action = keyof typeof actions

  test.each<[PaymentRequestStatus, Action, PaymentRequestStatus]>([
    ['pending', 'checkout', 'checkout_open'],
    ['pending', 'decline', 'declined'],
    ['pending', 'revoke', 'revoked'],
    ['checkout_open', 'checkout', 'checkout_open'],
    ['checkout_open', 'decline', 'declined'],
    ['checkout_open', 'revoke', 'revoked'],
    ['failed', 'checkout', 'checkout_open'],
    ['failed', 'decline', 'declined'],
    ['failed', 'revoke', 'revoked'],
    ['declined', 'decline', 'declined'],
  ])('%s --%s--> %s (200)', async (from, action, to) => {
    const visitor = await startVisitor()
    const before = await cardIn(visitor, from)
    const answer = await actions[action](visitor, before.id)
    expect(answer.status, answer.text).toBe(200)
    expect((await cardOf(visitor.token, before.id)).body.status).toBe(to)
  })

  test.each<[PaymentRequestStatus, Action, string]>([
    ['paid', 'checkout', 'invalid_state'],
    ['paid', 'decline', 'invalid_state'],
    ['paid', 'revoke', 'invalid_state'],
    ['unknown', 'checkout', 'payment_status_unknown'],
    ['unknown', 'decline', 'invalid_state'],
    ['unknown', 'revoke', 'invalid_state'],
    ['declined', 'checkout', 'invalid_state'],
    ['declined', 'revoke', 'invalid_state'],
    ['revoked', 'checkout', 'invalid_state'],
    ['revoked', 'decline', 'invalid_state'],
    ['revoked', 'revoke', 'invalid_state'],
    ['expired', 'checkout', 'invalid_state'],
    ['expired', 'decline', 'invalid_state'],
    ['expired', 'revoke', 'invalid_state'],
  ])('%s refuses %s with 409 %s and stays as it was', async (from, action, code) => {
    const visitor = await startVisitor()
    const before = await cardIn(visitor, from)
    const answer = await actions[action](visitor, before.id)
    expect(answer.status).toBe(409)
    expect(answer.error).toMatchObject({ code, message: expect.any(String) })
    expect((await cardOf(visitor.token, before.id)).body).toEqual(before)
  })

  test('declining again is 200 declined and emits nothing more', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    const first = await decline(visitor, shared.id)
    const lastEventId = (await messagesOf(visitor.token, visitor.conversationId)).body.lastEventId
    const again = await decline(visitor, shared.id)
    expect([first.status, again.status]).toEqual([200, 200])
    expect(again.body).toEqual(first.body)
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.lastEventId).toBe(lastEventId)
  })

  test.each([
    ['decline', (visitor: Visitor, id: string) => decline(visitor, id)],
    ['revoke', (_visitor: Visitor, id: string) => revoke(id)],
  ])('%s closes the open checkout page', async (_case, stop) => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    await stop(visitor, shared.id)
    const view = await call<CheckoutSessionView>('GET', `/v1/checkout/sessions/${link.checkoutSessionId}`)
    expect(view.body.status).toBe('expired')
    const paid = await pay(link.checkoutSessionId, card('4242 4242 4242 4242'))
    expect(paid.status).toBe(409)
    expect(paid.error?.code).toBe('invalid_state')
  })
})

describe('settling an unknown payment (mock control)', () => {
  test('paid: the receipt carries the brand and last 4 of the card that was tried', async () => {
    const visitor = await startVisitor()
    const unknown = await cardIn(visitor, 'unknown')
    const answer = await settle(unknown.id, 'paid')
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      status: 'paid',
      receipt: { cardBrand: 'visa', last4: '0119', reference: expect.stringMatching(/^ch_/), paidAt: expect.any(String) },
    })
  })

  test('failed: the card shows why, and Pay now opens a new checkout session', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    await pay(link.checkoutSessionId, card('4000 0000 0000 0119'))
    const answer = await settle(shared.id, 'failed')
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ status: 'failed', failure: { code: 'card_declined' }, receipt: null })

    const again = await checkout(visitor.token, shared.id)
    expect(again.status).toBe(200)
    expect(again.body.checkoutSessionId).not.toBe(link.checkoutSessionId)
  })

  test.each<PaymentRequestStatus>(['pending', 'paid'])('a %s request is 409 invalid_state', async (status) => {
    const visitor = await startVisitor()
    const request = await cardIn(visitor, status)
    expect((await settle(request.id, 'paid')).status).toBe(409)
  })

  test('an outcome other than paid or failed is 400 on outcome', async () => {
    const visitor = await startVisitor()
    const unknown = await cardIn(visitor, 'unknown')
    const answer = await settle(unknown.id, 'maybe')
    expect(answer.status).toBe(400)
    expect(answer.error?.field).toBe('outcome')
  })
})
