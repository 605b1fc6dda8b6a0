import { partSurcharge } from '../i18n/currency'
import type { Charge } from '../protocol/types'
import { ENGLISH, type CheckoutText } from './text'

/** What a card brand's surcharge adds to one payment, in minor units. */
export interface SurchargeQuote {
  cardBrand: string
  basisPoints: number
  fee: number
  total: number
}

/**
 * The surcharge the gateway adds for `cardBrand` on `amount`, or null when there is none. A part of the
 * price is surcharged with the parts already paid with that brand (`charges`), as the server charges it;
 * an extra payment is a payment of its own, so it is quoted without them.
 */
export function surchargeQuote(
  surcharges: Record<string, number>,
  cardBrand: string,
  amount: number,
  currency: string,
  charges: readonly Charge[] = [],
): SurchargeQuote | null {
  const basisPoints = Object.hasOwn(surcharges, cardBrand) ? (surcharges[cardBrand] ?? 0) : 0
  const fee = basisPoints > 0 ? partSurcharge(amount, charges, cardBrand, currency, basisPoints) : 0
  return fee > 0 ? { cardBrand, basisPoints, fee, total: amount + fee } : null
}

/** "American Express cards carry a 3% surcharge of $0.74. New total: $25.24." */
export function surchargeSentence(quote: SurchargeQuote, currency: string, text: CheckoutText = ENGLISH): string {
  const money = (amount: number) => text.money({ amount, currency })
  return text.t('surchargeSentence', {
    brand: text.brand(quote.cardBrand),
    percent: text.percent(quote.basisPoints / 10_000),
    fee: money(quote.fee),
    total: money(quote.total),
  })
}

