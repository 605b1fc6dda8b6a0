/** The networks the reference gateway knows; the server stores the same names on a receipt. */
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'jcb' | 'unknown'

/** How a brand is written for people ("Visa •••• 4242"). */
export const CARD_BRAND_NAMES: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  jcb: 'JCB',
  unknown: 'Card',
}

/** The brand, from the leading digits (IIN ranges) of a number; spaces and dashes are ignored. */
export function detectCardBrand(input: string): CardBrand {
  const digits = input.replace(/\D/g, '')
  if (/^4/.test(digits)) return 'visa'
  if (/^3[47]/.test(digits)) return 'amex'
  if (/^35(2[89]|[3-8]\d)/.test(digits)) return 'jcb'
  if (/^5[1-5]/.test(digits)) return 'mastercard'
  // Mastercard's 2-series: 2221 to 2720.
  const four = Number(digits.slice(0, 4))
  if (digits.length >= 4 && four >= 2221 && four <= 2720) return 'mastercard'
  return 'unknown'
}

/** A display name for a brand string from the server, which may be one this page does not know. */
export function cardBrandName(brand: string): string {
  return Object.hasOwn(CARD_BRAND_NAMES, brand) ? CARD_BRAND_NAMES[brand as CardBrand] : CARD_BRAND_NAMES.unknown
}
