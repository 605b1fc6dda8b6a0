import type { PaymentRequest, PaymentRequestStatus } from '../../src/protocol/types'

/** Statuses from which the operator may still withdraw a card (the server refuses the rest with 409). */
const REVOCABLE: ReadonlySet<PaymentRequestStatus> = new Set(['pending', 'checkout_open', 'failed'])

export function canRevoke(status: PaymentRequestStatus): boolean {
  return REVOCABLE.has(status)
}

const BRAND_NAMES: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', jcb: 'JCB' }

/** The card's status as the operator reads it, with the detail that matters for that status. */
export function statusLine(request: PaymentRequest): string {
  switch (request.status) {
    case 'pending':
      return 'Waiting for the visitor'
    case 'checkout_open':
      return 'Visitor is on the checkout page'
    case 'paid': {
      const receipt = request.receipt
      return receipt
        ? `Paid with ${brandName(receipt.cardBrand)} •••• ${receipt.last4} (ref. ${receipt.reference})`
        : 'Paid'
    }
    case 'failed':
      return `Payment failed${request.failure ? `: ${request.failure.message}` : ''}`
    case 'unknown':
      return 'Status unknown: the processor has not confirmed. Do not charge again.'
    case 'declined':
      return 'Cancelled by the visitor'
    case 'revoked':
      return 'Revoked'
    case 'expired':
      return 'Expired'
  }
}

function brandName(brand: string): string {
  return Object.hasOwn(BRAND_NAMES, brand) ? (BRAND_NAMES[brand] ?? 'card') : 'card'
}
