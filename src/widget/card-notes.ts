import { formatMoney } from '../i18n/money'
import type { Locale, Translate } from '../i18n/translate'
import type { PaymentRequest } from '../protocol/types'

/**
 * What a payable card will do besides a plain charge: hold the amount, or only save the card. Said
 * before the visitor pays, so "Pay" never reads as a charge that is not one.
 */
export function transactionNote(request: PaymentRequest, t: Translate, locale: Locale): string | null {
  if (request.transactionType === 'authorize') return t('holdNote', { amount: formatMoney(request.price, locale) })
  return request.transactionType === 'save_card' ? t('saveCardNote') : null
}

/** "$30.00 of $100.00 paid" while a split payment is under way, else null. */
export function progressLine(request: PaymentRequest, t: Translate, locale: Locale): string | null {
  const paid = request.amountPaid
  return paid?.amount > 0 && paid.amount < request.price.amount
    ? t('partPaid', { paid: formatMoney(paid, locale), price: formatMoney(request.price, locale) })
    : null
}

/** A paid recurring card's next renewal, its last failed one, or its end; null without a subscription. */
export function subscriptionLine(request: PaymentRequest, t: Translate, locale: Locale): string | null {
  const subscription = request.subscription
  if (!subscription) return null
  if (subscription.status === 'canceled') return t('subscriptionCanceled')
  if (subscription.status === 'past_due') return t('renewalFailed', { reason: subscription.lastFailure?.message ?? '' })
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(subscription.nextChargeAt))
  return t('nextPayment', { date })
}
