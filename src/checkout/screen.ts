import type { CheckoutPayResult, CheckoutSessionView, PaymentReceipt } from '../protocol/types'

/** What the page shows below the order summary, derived only from what the server said. */
export type CheckoutScreen =
  | { kind: 'form'; notice: string | null }
  | { kind: 'paid'; receipt: PaymentReceipt | null }
  | { kind: 'unknown' }
  | { kind: 'closed'; title: string; message: string }

export const UNKNOWN_STATUS_MESSAGE = 'Do not resubmit: the payment status is unknown.'

export function screenFor(view: CheckoutSessionView): CheckoutScreen {
  switch (view.paymentRequestStatus) {
    case 'paid':
      return { kind: 'paid', receipt: view.receipt }
    case 'unknown':
      return { kind: 'unknown' }
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

/** The view as it stands after a payment attempt: the request inside the result is the newest truth. */
export function viewAfterPayment(view: CheckoutSessionView, result: CheckoutPayResult): CheckoutSessionView {
  const request = result.paymentRequest
  return {
    ...view,
    status: request.status === 'paid' ? 'complete' : view.status,
    paymentRequestStatus: request.status,
    failure: request.failure,
    receipt: request.receipt,
  }
}

function closed(title: string, message: string): CheckoutScreen {
  return { kind: 'closed', title, message }
}
