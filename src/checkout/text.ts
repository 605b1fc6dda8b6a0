import { MAX_CARD_PARTS, minimumPart } from '../i18n/currency'
import { fromCatalog, type Locale, type TranslateOf } from '../i18n/locale'
import { formatMoney, formatRecurrence } from '../i18n/money'
import type { Billing, Money, PaymentFailure } from '../protocol/types'
import { cardBrandName } from './card/card-brand'
import { en, type CheckoutCatalog, type CheckoutKey } from './catalogs/en'

/**
 * The page's words and formats in one locale: its catalog, and money, dates, numbers through `Intl`
 * in the same locale, so "Pay ¥3,200" reads as one sentence.
 */
export interface CheckoutText {
  locale: Locale
  t: TranslateOf<CheckoutKey>
  money(money: Money): string
  /** "every 2 months", or null for a one-time payment. */
  recurrence(billing: Billing): string | null
  /** A day ("Jan 2, 2030"). */
  date(iso: string): string
  /** A day and time, for receipts. */
  dateTime(iso: string): string
  percent(fraction: number): string
  /** A card brand from the server as people say it; "Card" in this locale for one the page has no name for. */
  brand(cardBrand: string): string
}

export function checkoutText(locale: Locale, catalog: CheckoutCatalog): CheckoutText {
  const t = fromCatalog(catalog)
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })
  return {
    locale,
    t,
    money: (money) => formatMoney(money, locale),
    recurrence: (billing) => formatRecurrence(billing, locale),
    date: (iso) => date.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    percent: (fraction) => percent.format(fraction),
    brand: (cardBrand) => {
      const name = cardBrandName(cardBrand)
      return name === cardBrandName('unknown') ? t('card') : name
    },
  }
}

/**
 * The page in English: the default of the page and of every helper. Components get the page's text
 * as a prop rather than from a Preact context: context would add to what the checkout downloads.
 */
export const ENGLISH: CheckoutText = checkoutText('en', en)

/** Sentences the page has in every language, by the server's code: declines, and the limits on paying. */
const SENTENCES: Partial<Record<string, CheckoutKey>> = {
  card_declined: 'declineCardDeclined',
  insufficient_funds: 'declineInsufficientFunds',
  expired_card: 'declineExpiredCard',
  incorrect_cvc: 'declineIncorrectCvc',
  authentication_failed: 'declineAuthenticationFailed',
  processing_error: 'unknownStatus',
  too_many_attempts: 'stoppedMessage',
  amount_too_small: 'amountTooSmall',
  too_many_parts: 'tooManyParts',
}

/**
 * Why a payment did not go through, or was refused. The server writes it in English: in English its
 * own sentence is shown as is; in another language a known code gets the page's sentence (its amounts
 * in `currency`, the page's), an unknown one the server's.
 */
export function failureText(failure: Pick<PaymentFailure, 'code' | 'message'>, text: CheckoutText = ENGLISH, currency?: string): string {
  const key = Object.hasOwn(SENTENCES, failure.code) ? SENTENCES[failure.code] : undefined
  if (text.locale === 'en' || !key) return failure.message
  const minimum = currency ? text.money({ amount: minimumPart(currency), currency }) : ''
  return text.t(key, { minimum, cards: String(MAX_CARD_PARTS) })
}

/**
 * An API error as the payer reads it: the page's own sentence for a broken connection or an answer
 * without a reason, else the server's (see `failureText`).
 */
export function apiErrorText(
  error: { status: number; code: string; message: string },
  text: CheckoutText = ENGLISH,
  currency?: string,
): string {
  if (error.code === 'network_error') return text.t('networkError')
  if (error.code === 'http_error') return text.t('httpError', { status: String(error.status) })
  return failureText(error, text, currency)
}
