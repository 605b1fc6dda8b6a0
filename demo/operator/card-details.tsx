import { formatMoney } from '../../src/i18n/money'
import type { Charge, PaymentRequest, Subscription } from '../../src/protocol/types'
import { cardLabel } from './card-label'
import { LOCALE, timeLabel } from './format'

/** "22 Dec 2026": a renewal's day, written the way the widget's card says it to the payer. */
const RENEWAL_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })

/** A paid recurring card's next renewal, its last failed one, or its end. */
export function subscriptionLine(subscription: Subscription): string {
  if (subscription.status === 'canceled') return 'Subscription cancelled'
  if (subscription.status === 'past_due') {
    const reason = subscription.lastFailure?.message
    return `Past due: the last renewal failed${reason ? ` (${reason})` : ''}`
  }
  return `Next payment on ${RENEWAL_DAY.format(new Date(subscription.nextChargeAt))}`
}

/** What one charge was for: an extra payment's own label, else the card's price (held, for `authorize`). */
function chargeName(charge: Charge, request: PaymentRequest): string {
  if (charge.kind === 'extra') return charge.label ?? 'Extra payment'
  return request.transactionType === 'authorize' && request.status !== 'paid' ? 'Hold' : 'Payment'
}

/** Every approved charge of the card, oldest first: parts of a split, extra payments, a hold. */
export function ChargeList({ request }: { request: PaymentRequest }) {
  const charges = request.charges ?? []
  if (charges.length === 0) return null
  return (
    <ul class="charges" aria-label="Charges">
      {charges.map((charge) => (
        <li key={charge.reference} class="charge">
          <span class="charge-main">
            <span class="charge-name">{chargeName(charge, request)}</span>
            <span class="charge-amount">{formatMoney(charge.amount, LOCALE)}</span>
          </span>
          <span class="charge-meta">
            {charge.surcharge.amount > 0 && `incl. ${formatMoney(charge.surcharge, LOCALE)} surcharge · `}
            {charge.method === 'wallet' ? 'Wallet, ' : ''}
            {cardLabel(charge.cardBrand, charge.last4)} · ref. {charge.reference} ·{' '}
            <time dateTime={charge.at}>{timeLabel(charge.at)}</time>
          </span>
        </li>
      ))}
    </ul>
  )
}
