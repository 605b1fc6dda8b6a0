import { formatMoney } from '../../src/i18n/money'
import type { PaymentRequest, PaymentRequestStatus, TransactionType } from '../../src/protocol/types'
import { cardLabel } from './card-label'
import { LOCALE } from './format'

/** Statuses from which the operator may still withdraw a card (the server refuses the rest with 409). */
const REVOCABLE: ReadonlySet<PaymentRequestStatus> = new Set(['pending', 'checkout_open', 'failed'])

export function canRevoke(status: PaymentRequestStatus): boolean {
  return REVOCABLE.has(status)
}

/** What the operator asked for, as the share form offers it and the card repeats it. */
export const TRANSACTION_TYPE_LABELS: Record<TransactionType, string> = {
  sale: 'Sale — charge now',
  authorize: 'Authorize — hold, capture later',
  save_card: 'Save card — no charge',
}

/** The card's status as the operator reads it: what was done, and the detail that matters for that status. */
export function statusLine(request: PaymentRequest): string {
  switch (request.status) {
    case 'pending':
      return 'Waiting for the visitor'
    case 'checkout_open':
      return 'Visitor is on the checkout page'
    case 'paid':
      return request.transactionType === 'authorize'
        ? `Captured — charged ${formatMoney(heldAmount(request), LOCALE)}`
        : `Paid ${formatMoney(request.amountPaid?.amount ? request.amountPaid : request.price, LOCALE)}${withReceipt(request)}`
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
    case 'authorized':
      return `Authorized — held ${formatMoney(heldAmount(request), LOCALE)}${withReceipt(request)}`
    case 'voided':
      return `Voided — the hold of ${formatMoney(heldAmount(request), LOCALE)} was released; nothing was charged`
    case 'card_saved': {
      const card = request.savedCard
      return card ? `Card saved: ${cardLabel(card.cardBrand, card.last4)} (token ${card.token})` : 'Card saved'
    }
  }
}

/** "Paid $10.00 of $24.50" while a bill is being split across cards, else null. */
export function progressLine(request: PaymentRequest): string | null {
  const paid = request.amountPaid
  if (!paid || paid.amount <= 0 || paid.amount >= request.price.amount) return null
  return `Paid ${formatMoney(paid, LOCALE)} of ${formatMoney(request.price, LOCALE)}`
}

/** An `authorize` card's hold: its charge (surcharge included), else the price. */
export function heldAmount(request: PaymentRequest) {
  return request.charges?.[0]?.amount ?? request.price
}

/** The card and reference, only when the charges list (which names them) is missing. */
function withReceipt(request: PaymentRequest): string {
  const receipt = request.receipt
  if (request.charges?.length || !receipt) return ''
  return ` with ${cardLabel(receipt.cardBrand, receipt.last4)} (ref. ${receipt.reference})`
}
