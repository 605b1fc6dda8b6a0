import type { CardField } from './card/validate-card'

/** Every field of the payment form: the card's, the amount paid with it, and an extra payment's label. */
export type PayField = CardField | 'amount' | 'label'

export type PayErrors = Partial<Record<PayField, string>>

/** The form field a server 400 blames (`expMonth`/`expYear` live in the one Expiry field). */
export function formFieldOf(serverField: string | undefined): PayField | null {
  switch (serverField) {
    case 'name':
    case 'number':
    case 'expiry':
    case 'cvc':
    case 'amount':
      return serverField
    case 'expMonth':
    case 'expYear':
      return 'expiry'
    case 'extra.amount':
      return 'amount'
    case 'extra.label':
      return 'label'
    default:
      return null
  }
}
