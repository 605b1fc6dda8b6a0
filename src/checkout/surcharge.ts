import { surchargeFor } from '../i18n/currency'
import { formatMoney } from '../i18n/money'
import { cardBrandName } from './card/card-brand'
import { LOCALE } from './locale'

/** What a card brand's surcharge adds to one payment, in minor units. */
export interface SurchargeQuote {
  cardBrand: string
  basisPoints: number
  fee: number
  total: number
}

/** The surcharge the gateway adds for `cardBrand` on `amount`, or null when there is none. */
export function surchargeQuote(
  surcharges: Record<string, number>,
  cardBrand: string,
  amount: number,
  currency: string,
): SurchargeQuote | null {
  const basisPoints = Object.hasOwn(surcharges, cardBrand) ? (surcharges[cardBrand] ?? 0) : 0
  const fee = basisPoints > 0 ? surchargeFor(amount, currency, basisPoints) : 0
  return fee > 0 ? { cardBrand, basisPoints, fee, total: amount + fee } : null
}

/** "American Express cards carry a 3% surcharge of $0.74. New total: $25.24." */
export function surchargeSentence(quote: SurchargeQuote, currency: string): string {
  const money = (amount: number) => formatMoney({ amount, currency }, LOCALE)
  const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 2 }).format(
    quote.basisPoints / 10_000,
  )
  return `${cardBrandName(quote.cardBrand)} cards carry a ${percent} surcharge of ${money(quote.fee)}. New total: ${money(quote.total)}.`
}

