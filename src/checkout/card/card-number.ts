import { detectCardBrand, type CardBrand } from './card-brand'

/** Lengths a number of each brand may have; an unknown brand gets the ISO 7812 range. */
const LENGTHS: Record<CardBrand, readonly number[]> = {
  visa: [13, 16, 19],
  mastercard: [16],
  amex: [15],
  jcb: [16, 17, 18, 19],
  unknown: [12, 13, 14, 15, 16, 17, 18, 19],
}

/** The digits of what was typed, without spaces, dashes or anything else. */
export function cardDigits(input: string): string {
  return input.replace(/\D/g, '')
}

export function validLengths(brand: CardBrand): readonly number[] {
  return LENGTHS[brand]
}

/** The most digits a number of this brand may have: extra keystrokes beyond it are dropped. */
export function maxLength(brand: CardBrand): number {
  return Math.max(...LENGTHS[brand])
}

/**
 * Groups the digits the way they are embossed: 4-6-5 for American Express, fours for the rest.
 * Extra digits past the brand's longest number are dropped.
 */
export function formatCardNumber(input: string): string {
  const brand = detectCardBrand(input)
  const digits = cardDigits(input).slice(0, maxLength(brand))
  const groups = brand === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3]
  const parts: string[] = []
  let start = 0
  for (const size of groups) {
    if (start >= digits.length) break
    parts.push(digits.slice(start, start + size))
    start += size
  }
  return parts.join(' ')
}

/**
 * Where the caret goes after reformatting: just past the `digitCount`-th digit, so typing or
 * deleting in the middle of a number does not throw the caret to the end.
 */
export function caretAfterDigits(formatted: string, digitCount: number): number {
  let position = 0
  for (let seen = 0; position < formatted.length && seen < digitCount; position++) {
    if (/\d/.test(formatted.charAt(position))) seen++
  }
  return position
}
