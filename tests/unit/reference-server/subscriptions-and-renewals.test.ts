import { describe, expect, test } from 'vitest'
import type { Billing, Subscription } from '../../../src/protocol/types'
import { addInterval } from '../../../src/server/gateway/subscriptions'
import { CARDS, payExpecting, transactionsOf, visitorAtCheckout } from './checkout-calls'
import { advanceClock, asOperator, call, card, cardOf, messagesOf, openCheckout, startVisitor, useReferenceServer } from './harness'

// The first payment falls on 31 January, so every month-end rule shows.
const NOW = Date.UTC(2027, 0, 31, 10, 0, 0)
useReferenceServer({ now: () => NOW, rateLimits: false })

const DAY = 86_400_000
const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 10, 0, 0)).toISOString()
const monthly = (intervalCount = 1): Billing & { type: 'recurring' } => ({ type: 'recurring', interval: 'month', intervalCount })

const renewalOutcome = (subscriptionId: string, outcome: string) =>
  asOperator<Subscription>('POST', `/v1/mock/subscriptions/${subscriptionId}/renewal-outcome`, { outcome })

/** A visitor whose Coffee club card ($36.00 every 2 months) was paid just now. */
async function subscribed(visitor?: Awaited<ReturnType<typeof startVisitor>>) {
  const who = visitor ?? (await startVisitor())
  const { card: shared, link } = await openCheckout(who, 'pp_coffee_club')
  const result = await payExpecting(link.checkoutSessionId, card(CARDS.visa), 'paid')
  return { visitor: who, card: shared, subscription: result.paymentRequest.subscription! }
}

const subscriptionOf = async (token: string, paymentRequestId: string) => (await cardOf(token, paymentRequestId)).body.subscription!

describe('addInterval: calendar months, clamped to the month’s end', () => {
  test.each([
    ['31 Jan + 1 month (2027)', iso(2027, 1, 31), monthly(), 1, iso(2027, 2, 28)],
    ['31 Jan + 1 month (leap 2028)', iso(2028, 1, 31), monthly(), 1, iso(2028, 2, 29)],
    ['31 Jan + 2 months', iso(2027, 1, 31), monthly(2), 1, iso(2027, 3, 31)],
    ['31 Jan + 1 month, twice: counted from the anchor, not from 28 Feb', iso(2027, 1, 31), monthly(), 2, iso(2027, 3, 31)],
    ['31 Aug + 1 month', iso(2027, 8, 31), monthly(), 1, iso(2027, 9, 30)],
    ['30 Dec + 2 months, over the year end', iso(2027, 12, 30), monthly(2), 1, iso(2028, 2, 29)],
    ['29 Feb + 1 year', iso(2028, 2, 29), { type: 'recurring', interval: 'year', intervalCount: 1 } as const, 1, iso(2029, 2, 28)],
    ['a week', iso(2027, 1, 31), { type: 'recurring', interval: 'week', intervalCount: 2 } as const, 1, iso(2027, 2, 14)],
  ] as const)('%s', (_case, from, billing, times, expected) => {
    expect(new Date(addInterval(Date.parse(from), billing, times)).toISOString()).toBe(expected)
  })
})

describe('paying a recurring card', () => {
  test('creates an active subscription with its interval and the next charge 2 months on', async () => {
    const { subscription } = await subscribed()
    expect(subscription).toEqual({
      id: expect.stringMatching(/^sub_/),
      status: 'active',
      interval: 'month',
      intervalCount: 2,
      nextChargeAt: iso(2027, 3, 31),
      lastFailure: null,
    })
  })

  test('a monthly one paid on 31 January next charges on 28 February', async () => {
    const { sessionId } = await visitorAtCheckout('pp_tea_of_the_month', {}, 'wk_sakura')
    const result = await payExpecting(sessionId, card(CARDS.visa), 'paid')
    expect(result.paymentRequest.subscription?.nextChargeAt).toBe(iso(2027, 2, 28))
  })

  test('a one-time card has none', async () => {
    const { sessionId } = await visitorAtCheckout()
    expect((await payExpecting(sessionId, card(CARDS.visa), 'paid')).paymentRequest.subscription).toBeNull()
  })
})

describe('renewals as the mock clock moves', () => {
  test('nothing is charged before the date; at it the renewal is charged and the next date moves on', async () => {
    const { visitor, card: shared } = await subscribed()
    await advanceClock(Date.parse(iso(2027, 3, 31)) - NOW - 1)
    expect((await transactionsOf(visitor.conversationId)).map((t) => t.type)).toEqual(['sale'])

    await advanceClock(1)
    const history = await transactionsOf(visitor.conversationId)
    expect(history.at(-1)).toMatchObject({ type: 'renewal', result: 'approved', amount: { amount: 3600, currency: 'USD' }, last4: '4242' })
    expect(history.at(-1)!.reference).toMatch(/^ch_/)
    expect(await subscriptionOf(visitor.token, shared.id)).toMatchObject({ status: 'active', nextChargeAt: iso(2027, 5, 31) })
  })

  test('a year at once charges every renewal in it, each date counted from the first payment', async () => {
    const { visitor, card: shared } = await subscribed()
    await advanceClock(365 * DAY)
    const renewals = (await transactionsOf(visitor.conversationId)).filter((t) => t.type === 'renewal')
    // 31 Mar, 31 May, 31 Jul, 30 Sep, 30 Nov, 31 Jan.
    expect(renewals).toHaveLength(6)
    expect((await subscriptionOf(visitor.token, shared.id)).nextChargeAt).toBe(iso(2028, 3, 31))
  })

  test('a declined renewal makes it past_due with the failure and its reference, and says so in the chat', async () => {
    const { visitor, card: shared, subscription } = await subscribed()
    const set = await renewalOutcome(subscription.id, 'declined')
    expect(set.status).toBe(200)
    expect(set.body).toMatchObject({ id: subscription.id, status: 'active' })
    await advanceClock(60 * DAY)

    const failed = (await transactionsOf(visitor.conversationId)).at(-1)!
    expect(failed).toMatchObject({ type: 'renewal', result: 'declined', code: 'card_declined' })
    expect(await subscriptionOf(visitor.token, shared.id)).toMatchObject({
      status: 'past_due',
      nextChargeAt: iso(2027, 5, 31),
      lastFailure: { code: 'card_declined', reference: failed.reference },
    })
    // The card itself stays paid: the first payment stands.
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('paid')
    const last = (await messagesOf(visitor.token, visitor.conversationId)).body.messages.at(-1)
    expect(last).toMatchObject({ author: { role: 'system' } })
    expect(last?.text).toContain('The renewal payment of $36.00 for Coffee club subscription did not go through')
  })

  test('once the card on file is approved again, the next renewal makes it active', async () => {
    const { visitor, card: shared, subscription } = await subscribed()
    await renewalOutcome(subscription.id, 'declined')
    await advanceClock(60 * DAY)
    await renewalOutcome(subscription.id, 'approved')
    await advanceClock(61 * DAY)
    expect(await subscriptionOf(visitor.token, shared.id)).toMatchObject({ status: 'active', lastFailure: null, nextChargeAt: iso(2027, 7, 31) })
  })

  test('the renewal-outcome control: 404 for an unknown subscription, 400 for an unknown outcome', async () => {
    const { subscription } = await subscribed()
    expect((await renewalOutcome('sub_nope', 'declined')).status).toBe(404)
    expect((await renewalOutcome(subscription.id, 'maybe')).error?.field).toBe('outcome')
  })
})

describe('a failed renewal on WhatsApp', () => {
  /** A web visitor who continued on WhatsApp as "Kenji Sato", with a paid Coffee club card. */
  async function subscribedOnWhatsApp() {
    const visitor = await startVisitor()
    const handoff = await call<{ code: string }>('POST', `/v1/conversations/${visitor.conversationId}/handoff/whatsapp`, { token: visitor.token })
    await asOperator('POST', '/v1/mock/whatsapp/inbound', { from: '15551234567', name: 'Kenji Sato', text: `Hi (code ${handoff.body.code})` })
    return subscribed(visitor)
  }

  const templatesSent = async (name: string) =>
    (await asOperator<{ messages: Array<{ type: string; text: string; request: { template?: { name: string } } }> }>('GET', '/v1/mock/whatsapp/outbox')).body.messages.filter(
      (m) => m.type === 'template' && m.request.template?.name === name,
    )

  test('sends the approved UTILITY template payment_failed with the name, amount and item', async () => {
    const { subscription } = await subscribedOnWhatsApp()
    await renewalOutcome(subscription.id, 'declined')
    await advanceClock(60 * DAY)
    const sent = await templatesSent('payment_failed')
    expect(sent).toHaveLength(1)
    expect(sent[0]!.text).toBe(
      'Hi Kenji, the renewal payment of $36.00 for Coffee club subscription did not go through. Reply to this message and we will help you update your card.',
    )
  })

  test('a paused template is not sent; the chat still says it', async () => {
    const { visitor, subscription } = await subscribedOnWhatsApp()
    await asOperator('POST', '/v1/mock/templates/tpl_payment_failed/quality', { status: 'PAUSED' })
    await renewalOutcome(subscription.id, 'declined')
    await advanceClock(60 * DAY)
    expect(await templatesSent('payment_failed')).toEqual([])
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.messages.at(-1)?.text).toContain('did not go through')
  })

  test('a web-only conversation gets the chat line and nothing on WhatsApp', async () => {
    const { subscription } = await subscribed()
    await renewalOutcome(subscription.id, 'declined')
    await advanceClock(60 * DAY)
    expect(await templatesSent('payment_failed')).toEqual([])
  })

  test('an approved renewal sends nothing', async () => {
    await subscribedOnWhatsApp()
    await advanceClock(60 * DAY)
    expect(await templatesSent('payment_failed')).toEqual([])
  })
})
