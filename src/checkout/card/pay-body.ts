import type { CheckoutPayBody } from '../../protocol/types'
import { cardDigits } from './card-number'
import { parseExpiry } from './expiry'
import type { CardValues } from './validate-card'

/** The request body for values that passed validation (null if the expiry does not parse). */
export function toPayBody(values: CardValues): CheckoutPayBody | null {
  const expiry = parseExpiry(values.expiry)
  if (!expiry) return null
  return {
    name: values.name.trim(),
    number: cardDigits(values.number),
    expMonth: expiry.month,
    expYear: expiry.year,
    cvc: values.cvc.trim(),
  }
}

