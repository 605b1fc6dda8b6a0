import { detectCardBrand } from './card-brand'
import { cardDigits, validLengths } from './card-number'
import { cvcLength } from './cvc'
import { isExpired, parseExpiry } from './expiry'
import { passesLuhn } from './luhn'
import { ENGLISH, type CheckoutText } from '../text'

/** The form's fields, named as the server names them in a 400's `field`. */
export type CardField = 'name' | 'number' | 'expiry' | 'cvc'

/** Field order on the page: the first invalid one in this order gets focus. */
export const CARD_FIELDS: readonly CardField[] = ['name', 'number', 'expiry', 'cvc']

export type CardValues = Record<CardField, string>

export type CardErrors = Partial<Record<CardField, string>>

/** One field's problem in a sentence, or null when it is fine. */
export function validateCardField(field: CardField, values: CardValues, now: Date, { t }: CheckoutText = ENGLISH): string | null {
  switch (field) {
    case 'name':
      return values.name.trim() ? null : t('enterName')
    case 'number': {
      const digits = cardDigits(values.number)
      if (!digits) return t('enterNumber')
      if (!validLengths(detectCardBrand(digits)).includes(digits.length)) return t('numberIncomplete')
      return passesLuhn(digits) ? null : t('numberInvalid')
    }
    case 'expiry': {
      if (!values.expiry.trim()) return t('enterExpiry')
      const expiry = parseExpiry(values.expiry)
      if (!expiry) return t('expiryFormat')
      return isExpired(expiry, now) ? t('cardExpired') : null
    }
    case 'cvc': {
      const cvc = values.cvc.trim()
      if (!cvc) return t('enterCvc')
      const length = cvcLength(detectCardBrand(values.number))
      return new RegExp(`^\\d{${length}}$`).test(cvc) ? null : t('cvcDigits', { digits: String(length) })
    }
  }
}

/** Every field's problem; an empty object means the form may be sent. */
export function validateCard(values: CardValues, now: Date, text: CheckoutText = ENGLISH): CardErrors {
  const errors: CardErrors = {}
  for (const field of CARD_FIELDS) {
    const message = validateCardField(field, values, now, text)
    if (message) errors[field] = message
  }
  return errors
}
