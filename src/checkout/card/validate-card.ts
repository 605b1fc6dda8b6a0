import { detectCardBrand } from './card-brand'
import { cardDigits, validLengths } from './card-number'
import { cvcLength } from './cvc'
import { isExpired, parseExpiry } from './expiry'
import { passesLuhn } from './luhn'

/** The form's fields, named as the server names them in a 400's `field`. */
export type CardField = 'name' | 'number' | 'expiry' | 'cvc'

/** Field order on the page: the first invalid one in this order gets focus. */
export const CARD_FIELDS: readonly CardField[] = ['name', 'number', 'expiry', 'cvc']

export type CardValues = Record<CardField, string>

export type CardErrors = Partial<Record<CardField, string>>

/** One field's problem in a sentence, or null when it is fine. */
export function validateCardField(field: CardField, values: CardValues, now: Date): string | null {
  switch (field) {
    case 'name':
      return values.name.trim() ? null : 'Enter the name on your card.'
    case 'number': {
      const digits = cardDigits(values.number)
      if (!digits) return 'Enter your card number.'
      if (!validLengths(detectCardBrand(digits)).includes(digits.length)) return 'Your card number is incomplete.'
      return passesLuhn(digits) ? null : 'Your card number is invalid. Check the digits.'
    }
    case 'expiry': {
      if (!values.expiry.trim()) return 'Enter the expiry date.'
      const expiry = parseExpiry(values.expiry)
      if (!expiry) return 'Enter the expiry as MM/YY.'
      return isExpired(expiry, now) ? 'Your card has expired.' : null
    }
    case 'cvc': {
      const cvc = values.cvc.trim()
      if (!cvc) return 'Enter the CVC.'
      const length = cvcLength(detectCardBrand(values.number))
      return new RegExp(`^\\d{${length}}$`).test(cvc) ? null : `The CVC is ${length} digits.`
    }
  }
}

/** Every field's problem; an empty object means the form may be sent. */
export function validateCard(values: CardValues, now: Date): CardErrors {
  const errors: CardErrors = {}
  for (const field of CARD_FIELDS) {
    const message = validateCardField(field, values, now)
    if (message) errors[field] = message
  }
  return errors
}
