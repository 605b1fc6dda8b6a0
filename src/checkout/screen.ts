import type { Charge, CheckoutPayResult, CheckoutSessionView } from '../protocol/types'
import { formatMoney } from '../i18n/money'
import { LOCALE } from './locale'

/** What the page shows below the order summary, derived only from what the server said. */
export type CheckoutScreen =
  | { kind: 'form'; notice: string | null }
  | { kind: 'paid' }
  | { kind: 'authorized' }
  | { kind: 'card_saved' }
  | { kind: 'unknown'; message: string }
  | { kind: 'closed'; title: string; message: string }

export const UNKNOWN_STATUS_MESSAGE = 'Do not resubmit: the payment status is unknown.'

/** The technical-failure sentence, with the attempt's reference for support when the server gave one. */
export function unknownStatusMessage(reference: string | undefined): string {
  return reference ? `${UNKNOWN_STATUS_MESSAGE} Contact us with reference ${reference}.` : UNKNOWN_STATUS_MESSAGE
}

export function screenFor(view: CheckoutSessionView): CheckoutScreen {
  switch (view.paymentRequestStatus) {
    case 'paid':
      return { kind: 'paid' }
    case 'authorized':
      return { kind: 'authorized' }
    case 'card_saved':
      return { kind: 'card_saved' }
    case 'unknown':
      return { kind: 'unknown', message: unknownStatusMessage(view.failure?.reference) }
    case 'voided':
      return closed('This payment was released.', 'The hold on your card was released. Nothing was charged.')
    case 'revoked':
      return closed('This payment is no longer available.', 'The seller withdrew this payment request.')
    case 'declined':
      return closed('This payment is no longer available.', 'This payment request was cancelled in the chat.')
    case 'expired':
      return closed('This payment request has expired.', 'Ask in the chat for a new one.')
    case 'pending':
    case 'checkout_open':
    case 'failed':
      if (view.status !== 'open') {
        return closed('This checkout link has expired.', 'Go back to the chat and press Pay now again.')
      }
      return { kind: 'form', notice: view.paymentRequestStatus === 'failed' ? (view.failure?.message ?? null) : null }
  }
}

/** True while the session takes one more extra payment (a deposit, a fee) on top of the paid price. */
export function takesExtraPayment(view: CheckoutSessionView): boolean {
  return view.paymentStatus === 'paid' && view.extraPaymentsLeft > 0 && view.status !== 'expired'
}

/**
 * The view as it stands after a payment attempt, for when the session cannot be read again: the
 * request inside the result is the newest truth. Extra payments are offered only if they were before.
 */
export function viewAfterPayment(view: CheckoutSessionView, result: CheckoutPayResult): CheckoutSessionView {
  const request = result.paymentRequest
  const price = view.item.price
  const extras = (charges: Charge[]) => charges.filter((charge) => charge.kind === 'extra').length
  const covered = request.status === 'paid' || request.status === 'authorized' || request.status === 'card_saved'
  return {
    ...view,
    status: covered ? 'complete' : view.status,
    paymentStatus:
      view.mode === 'setup' ? view.paymentStatus : request.amountPaid.amount >= price.amount ? 'paid' : 'unpaid',
    paymentRequestStatus: request.status,
    failure: request.failure,
    receipt: request.receipt,
    amountPaid: request.amountPaid,
    amountDue: { amount: Math.max(0, price.amount - request.amountPaid.amount), currency: price.currency },
    charges: request.charges,
    extraPaymentsLeft:
      view.paymentStatus === 'paid' ? Math.max(0, view.extraPaymentsLeft - extras(request.charges) + extras(view.charges)) : 0,
    challenge: result.challenge,
  }
}

function closed(title: string, message: string): CheckoutScreen {
  return { kind: 'closed', title, message }
}

export const TIMED_OUT_MESSAGE =
  'This page timed out and nothing more was charged. Go back to the chat and press Pay now to start again.'

/** After the payer cancelled: nothing charged, or what was paid before (it stays paid). */
export function cancelledMessage(view: CheckoutSessionView): string {
  const paid = formatMoney(view.amountPaid, LOCALE)
  return view.charges.length
    ? `Payment cancelled. You paid ${paid} of ${formatMoney(view.item.price, LOCALE)}; nothing more was charged. You can close this window.`
    : 'Payment cancelled. Nothing was charged. You can close this window.'
}
