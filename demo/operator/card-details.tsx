import type { Charge, PaymentRequest, Subscription } from '../../src/protocol/types'
import { cardLabel } from './card-label'
import { timeLabel } from './format'
import { money, renewalDayLabel, t } from './i18n'

/** A paid recurring card's next renewal, its last failed one, or its end. */
export function subscriptionLine(subscription: Subscription): string {
  if (subscription.status === 'canceled') return t('subscriptionCanceled')
  if (subscription.status === 'past_due') {
    const reason = subscription.lastFailure?.message
    return reason ? t('pastDueReason', { reason }) : t('pastDue')
  }
  return t('nextPayment', { date: renewalDayLabel(subscription.nextChargeAt) })
}

/** What one charge was for: an extra payment's own label, else the card's price (held, for `authorize`). */
function chargeName(charge: Charge, request: PaymentRequest): string {
  if (charge.kind === 'extra') return charge.label ?? t('chargeExtra')
  return t(request.transactionType === 'authorize' && request.status !== 'paid' ? 'chargeHold' : 'chargePayment')
}

/** Every approved charge of the card, oldest first: parts of a split, extra payments, a hold. */
export function ChargeList({ request }: { request: PaymentRequest }) {
  const charges = request.charges ?? []
  if (charges.length === 0) return null
  return (
    <ul class="charges" aria-label={t('charges')}>
      {charges.map((charge) => {
        const card = cardLabel(charge.cardBrand, charge.last4)
        const meta = [
          charge.surcharge.amount > 0 ? t('inclSurcharge', { amount: money(charge.surcharge) }) : null,
          charge.method === 'wallet' ? t('viaWallet', { card }) : card,
          t('reference', { reference: charge.reference }),
        ]
        return (
          <li key={charge.reference} class="charge">
            <span class="charge-main">
              <span class="charge-name" dir="auto">
                {chargeName(charge, request)}
              </span>
              <span class="charge-amount">{money(charge.amount)}</span>
            </span>
            <span class="charge-meta">
              {meta.filter(Boolean).join(' · ')} · <time dateTime={charge.at}>{timeLabel(charge.at)}</time>
            </span>
          </li>
        )
      })}
    </ul>
  )
}
