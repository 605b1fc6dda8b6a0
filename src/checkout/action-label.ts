import type { CheckoutSessionView } from '../protocol/types'
import { formatMoney, formatRecurrence } from '../i18n/money'
import { LOCALE } from './locale'

/**
 * What the main button says, after what the gateway will do: "Pay $24.50", "Authorize $24.50",
 * "Subscribe $36.00 every 2 months", "Save card". `total` (minor units, surcharge included) is left
 * out while the amount typed is not valid; an extra payment is always a plain payment.
 */
export function actionLabel(view: CheckoutSessionView, extra: boolean, total: number | null): string {
  if (view.mode === 'setup' && !extra) return 'Save card'
  const amount = total === null ? '' : ` ${formatMoney({ amount: total, currency: view.item.price.currency }, LOCALE)}`
  if (extra) return `Pay${amount}`
  if (view.mode === 'subscription') {
    const recurrence = formatRecurrence(view.item.billing, LOCALE)
    return `Subscribe${amount}${recurrence ? ` ${recurrence}` : ''}`
  }
  return `${view.transactionType === 'authorize' ? 'Authorize' : 'Pay'}${amount}`
}

/** The wallet's button follows the item, as Amazon Pay's does: one-time or recurring. */
export function walletLabel(view: CheckoutSessionView): string {
  return view.mode === 'subscription' ? 'Subscribe with Wallet' : 'Pay with Wallet'
}
