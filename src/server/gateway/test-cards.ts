import type { PaymentFailure } from '../../protocol/types'
import { ApiFailure } from '../api-error'

/** What the simulated issuer answers for a card, before any reference is given. */
export type IssuerAnswer =
  | { kind: 'approved' }
  | { kind: 'declined'; failure: PaymentFailure }
  | { kind: 'unknown'; failure: PaymentFailure }
  /** The issuer wants the payer to authenticate (3-D Secure) before it decides. */
  | { kind: 'challenge' }

const declined = (code: string, message: string): IssuerAnswer => ({ kind: 'declined', failure: { code, message } })

/** The simulated gateway's well-known numbers (Stripe's); any other valid number is approved. */
const ANSWERS: Record<string, IssuerAnswer> = {
  '4000000000000002': declined('card_declined', 'Your card was declined. Try another card.'),
  '4000000000009995': declined('insufficient_funds', 'Your card has insufficient funds. Try another card.'),
  '4000000000000069': declined('expired_card', 'Your card has expired. Try another card.'),
  '4000000000000127': declined('incorrect_cvc', "Your card's security code is incorrect. Check it and try again."),
  '4000000000000119': {
    kind: 'unknown',
    failure: { code: 'processing_error', message: 'Do not resubmit: the payment status is unknown.' },
  },
  '4000000000003220': { kind: 'challenge' },
}

export function issuerAnswer(digits: string): IssuerAnswer {
  return ANSWERS[digits] ?? { kind: 'approved' }
}

/** The bank's answer when the payer fails its extra step. */
export const AUTHENTICATION_FAILED: PaymentFailure = {
  code: 'authentication_failed',
  message: 'We could not confirm this payment with your bank. Try again or use another card.',
}

export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return sum % 10 === 0
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return 'visa'
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'mastercard'
  if (/^3[47]/.test(digits)) return 'amex'
  if (/^35(2[89]|[3-8]\d)/.test(digits)) return 'jcb'
  return 'unknown'
}

export interface CheckedCard {
  digits: string
  brand: string
  last4: string
}

/** Field-level checks a gateway makes before it charges; the first broken field is reported. */
export function checkCard(
  card: { name: string; number: string; expMonth: number; expYear: number; cvc: string },
  now: Date,
): CheckedCard {
  const fail = (field: string, message: string) => new ApiFailure(400, 'validation_failed', message, field)
  if (!card.name.trim()) throw fail('name', 'Enter the name on the card.')
  const digits = card.number.replace(/[\s-]/g, '')
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) throw fail('number', 'Your card number is invalid.')
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth()
  if (card.expYear * 12 + card.expMonth - 1 < thisMonth) throw fail('expiry', 'Your card has expired.')
  const brand = cardBrand(digits)
  if (!new RegExp(brand === 'amex' ? '^\\d{4}$' : '^\\d{3}$').test(card.cvc)) {
    throw fail('cvc', brand === 'amex' ? 'Enter the 4-digit security code.' : 'Enter the 3-digit security code.')
  }
  return { digits, brand, last4: digits.slice(-4) }
}
