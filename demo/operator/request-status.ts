import type { PaymentRequest, PaymentRequestStatus, TransactionType } from '../../src/protocol/types'
import { isStopped } from '../../src/store/can-pay'
import { cardLabel } from './card-label'
import type { ConsoleKey } from './catalogs/en'
import { money, t } from './i18n'

/** Statuses from which the operator may still withdraw a card (the server refuses the rest with 409). */
const REVOCABLE: ReadonlySet<PaymentRequestStatus> = new Set(['pending', 'checkout_open', 'failed'])

export function canRevoke(status: PaymentRequestStatus): boolean {
  return REVOCABLE.has(status)
}

const TRANSACTION_TYPE_KEYS: Record<TransactionType, ConsoleKey> = {
  sale: 'typeSale',
  authorize: 'typeAuthorize',
  save_card: 'typeSaveCard',
}

/** Every transaction type, in the order the share form offers them. */
export const TRANSACTION_TYPES = Object.keys(TRANSACTION_TYPE_KEYS) as TransactionType[]

/** What the operator asked for, as the share form offers it and the card repeats it. */
export function transactionTypeLabel(type: TransactionType): string {
  return t(TRANSACTION_TYPE_KEYS[type])
}

/** The card's status as the operator reads it: what was done, and the detail that matters for that status. */
export function statusLine(request: PaymentRequest): string {
  switch (request.status) {
    case 'pending':
      return t('statusPending')
    case 'checkout_open':
      return t('statusCheckoutOpen')
    case 'paid':
      return request.transactionType === 'authorize'
        ? t('statusCaptured', { amount: money(heldAmount(request)) })
        : withReceipt(request, 'statusPaid', 'statusPaidWith', money(request.amountPaid?.amount ? request.amountPaid : request.price))
    case 'failed':
      // Card testing stopped it: what the operator can do is share a new card.
      if (isStopped(request)) return t('statusStopped')
      // The reason is the gateway's sentence as the server keeps it.
      return request.failure ? t('statusFailedReason', { reason: request.failure.message }) : t('statusFailed')
    case 'unknown':
      return t('statusUnknown')
    case 'declined':
      return t('statusDeclined')
    case 'revoked':
      return t('statusRevoked')
    case 'expired':
      return t('statusExpired')
    case 'authorized':
      return withReceipt(request, 'statusAuthorized', 'statusAuthorizedWith', money(heldAmount(request)))
    case 'voided':
      return t('statusVoided', { amount: money(heldAmount(request)) })
    case 'card_saved': {
      const card = request.savedCard
      return card
        ? t('statusCardSavedToken', { card: cardLabel(card.cardBrand, card.last4), token: card.token })
        : t('statusCardSaved')
    }
  }
}

/** "Paid $10.00 of $24.50" while a bill is being split across cards, else null. */
export function progressLine(request: PaymentRequest): string | null {
  const paid = request.amountPaid
  if (!paid || paid.amount <= 0 || paid.amount >= request.price.amount) return null
  return t('progress', { paid: money(paid), price: money(request.price) })
}

/** An `authorize` card's hold: its charge (surcharge included), else the price. */
export function heldAmount(request: PaymentRequest) {
  return request.charges?.[0]?.amount ?? request.price
}

/** The status with the card and reference, only when the charges list (which names them) is missing. */
function withReceipt(request: PaymentRequest, plain: ConsoleKey, withCard: ConsoleKey, amount: string): string {
  const receipt = request.receipt
  if (request.charges?.length || !receipt) return t(plain, { amount })
  return t(withCard, { amount, card: cardLabel(receipt.cardBrand, receipt.last4), reference: receipt.reference })
}
