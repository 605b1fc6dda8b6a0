import type { CheckoutSessionView } from '../protocol/types'
import { ENGLISH, type CheckoutText } from './text'

/**
 * What the main button says, after what the gateway will do: "Pay $24.50", "Authorize $24.50",
 * "Subscribe $36.00 every 2 months", "Save card". `total` (minor units, surcharge included) is left
 * out while the amount typed is not valid; an extra payment is always a plain payment.
 */
export function actionLabel(
  view: CheckoutSessionView,
  extra: boolean,
  total: number | null,
  { t, money, recurrence }: CheckoutText = ENGLISH,
): string {
  if (view.mode === 'setup' && !extra) return t('saveCard')
  const amount = total === null ? null : money({ amount: total, currency: view.item.price.currency })
  if (view.mode === 'subscription' && !extra) {
    const every = recurrence(view.item.billing)
    if (every) return amount ? t('subscribeAmountEvery', { amount, recurrence: every }) : t('subscribeEvery', { recurrence: every })
    return amount ? t('subscribeAmount', { amount }) : t('subscribe')
  }
  if (view.transactionType === 'authorize' && !extra) return amount ? t('authorizeAmount', { amount }) : t('authorize')
  return amount ? t('payAmount', { amount }) : t('pay')
}

/** The wallet's button follows the item, as Amazon Pay's does: one-time or recurring. */
export function walletLabel(view: CheckoutSessionView, { t }: CheckoutText = ENGLISH): string {
  return view.mode === 'subscription' ? t('subscribeWithWallet') : t('payWithWallet')
}
