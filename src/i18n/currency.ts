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
