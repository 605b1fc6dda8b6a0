import type { Billing, Subscription } from '../../protocol/types'
import { newId } from '../ids'
import type { PaymentRequestRecord, ServerState } from '../state'
import { makeAttempt } from './attempts'
import { deliverGatewayEvent } from './deliver-event'
import type { SubscriptionRecord } from './gateway-state'

/** Renewals charged in one clock move at most, per subscription: a year of weekly ones and some. */
const MAX_RENEWALS_PER_ADVANCE = 60

const RENEWAL_DECLINED = { code: 'card_declined', message: 'The card on file was declined.' }

/**
 * `at` moved on by `times` billing intervals, in calendar terms: a month after 31 January is the last
 * day of February, as card networks bill it, not 3 March. Renewals count from the first payment (the
 * billing anchor), not from the last renewal, so a clamped month does not pull later ones back:
 * 31 January, 28 February, 31 March.
 */
export function addInterval(at: number, billing: Billing & { type: 'recurring' }, times = 1): number {
  const date = new Date(at)
  if (billing.interval === 'week') return at + times * billing.intervalCount * 7 * 86_400_000
  const months = times * (billing.interval === 'year' ? 12 * billing.intervalCount : billing.intervalCount)
  const day = date.getUTCDate()
  date.setUTCDate(1)
  date.setUTCMonth(date.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()
  date.setUTCDate(Math.min(day, lastDay))
  return date.getTime()
}

/** The gateway starts charging the card every interval from the first payment. */
export function startSubscription(
  state: ServerState,
  record: PaymentRequestRecord,
  card: SubscriptionRecord['card'],
): Subscription {
  if (record.billing.type !== 'recurring') throw new Error('a subscription needs a recurring price')
  const anchorAt = state.clock.now()
  const subscription: SubscriptionRecord = {
    anchorAt,
    renewals: 0,
    id: newId('sub'),
    status: 'active',
    interval: record.billing.interval,
    intervalCount: record.billing.intervalCount,
    nextChargeAt: new Date(addInterval(anchorAt, record.billing)).toISOString(),
    lastFailure: null,
    paymentRequestId: record.id,
    amount: { ...record.price },
    card,
    renewalOutcome: 'approved',
  }
  state.gateway.subscriptions.set(subscription.id, subscription)
  return publicSubscription(subscription)
}

export function publicSubscription({ id, status, interval, intervalCount, nextChargeAt, lastFailure }: SubscriptionRecord): Subscription {
  return { id, status, interval, intervalCount, nextChargeAt, lastFailure }
}

/**
 * Charges every renewal the clock has reached, oldest first, and tells the merchant by webhook. A
 * declined renewal leaves the subscription `past_due` and is tried again at the next interval.
 */
export async function runRenewals(state: ServerState): Promise<void> {
  for (const subscription of state.gateway.subscriptions.values()) {
    const record = state.paymentRequests.get(subscription.paymentRequestId)
    if (!record || record.billing.type !== 'recurring' || subscription.status === 'canceled') continue
    for (let n = 0; n < MAX_RENEWALS_PER_ADVANCE && Date.parse(subscription.nextChargeAt) <= state.clock.now(); n++) {
      const approved = subscription.renewalOutcome === 'approved'
      const reference = makeAttempt(state, { paymentRequestId: record.id, type: 'renewal', amount: subscription.amount, charge: null })
      // Support finds a failed renewal by its reference, as any other declined attempt.
      const failure = approved ? null : { ...RENEWAL_DECLINED, reference }
      subscription.renewals++
      subscription.nextChargeAt = new Date(addInterval(subscription.anchorAt, record.billing, subscription.renewals + 1)).toISOString()
      subscription.status = approved ? 'active' : 'past_due'
      subscription.lastFailure = failure
      await deliverGatewayEvent(state, approved ? 'renewal.succeeded' : 'renewal.failed', {
        paymentRequestId: record.id,
        reference,
        amount: subscription.amount,
        card: subscription.card,
        subscription: publicSubscription(subscription),
        ...(failure ? { failure } : {}),
      })
    }
  }
}
