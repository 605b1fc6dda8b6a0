import type { Charge } from '../protocol/types'

/**
 * Decimal places of ISO 4217 currencies that differ from 2. Kept as a table because `Intl` disagrees
 * with the payment networks for some (it says 0 for HUF, COP and IDR, which gateways charge in 2).
 */
const MINOR_UNITS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
}

/** How many decimal places the minor unit of `currency` has (2 unless the table says otherwise). */
export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency.toUpperCase()] ?? 2
}

/**
 * The smallest amount a gateway charges in `currency`, in minor units: 10 for three-decimal currencies,
 * whose networks settle to two decimals (so 1.235 BHD cannot be charged), else 1.
 */
export function amountStep(currency: string): number {
  return minorUnits(currency) === 3 ? 10 : 1
}

/** A positive whole number of minor units the currency can be charged in. */
export function isChargeableAmount(amount: number, currency: string): boolean {
  return Number.isSafeInteger(amount) && amount > 0 && amount % amountStep(currency) === 0
}

/** A card brand's surcharge on `amount`: `basisPoints` / 100 percent, rounded half up to the currency's step. */
export function surchargeFor(amount: number, currency: string, basisPoints: number): number {
  const step = amountStep(currency)
  return Math.floor((amount * basisPoints) / 10_000 / step + 0.5) * step
}

/** Cards one price may be split across: each part is a charge of its own. */
export const MAX_CARD_PARTS = 5

/**
 * The smallest part of a price one card may pay when another card pays the rest: one major unit of
 * the currency, and never less than 100 minor units (¥100), so no part is too small to carry its surcharge.
 */
export function minimumPart(currency: string): number {
  return Math.max(100, 10 ** minorUnits(currency))
}

/**
 * The surcharge on one more part of a price paid with `cardBrand`: what the running total of that
 * brand's parts owes, less what was charged on the earlier ones (in `charges`; extra payments are not
 * parts). Rounded once, on the total, so splitting a payment never lowers its surcharge.
 */
export function partSurcharge(amount: number, charges: readonly Charge[], cardBrand: string, currency: string, basisPoints: number): number {
  let paid = amount
  let charged = 0
  for (const charge of charges) {
    if (charge.kind !== 'balance' || charge.cardBrand !== cardBrand) continue
    paid += charge.amount.amount - charge.surcharge.amount
    charged += charge.surcharge.amount
  }
  return Math.max(0, surchargeFor(paid, currency, basisPoints) - charged)
}
