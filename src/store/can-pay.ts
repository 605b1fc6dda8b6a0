import type { PaymentRequest, PaymentRequestStatus, PaymentStoppedCode } from '../protocol/types'

/**
 * Whether a card offers Pay Now: the one rule the widget and the tests share.
 *
 * - `pending`: the first attempt.
 * - `checkout_open`: the checkout session is open; Pay Now reopens it (same idempotency key), also
 *   to pay the rest of a split payment.
 * - `failed`: a declined card; Pay Now again makes a new attempt (for the rest, when part is paid) —
 *   unless it was stopped after too many declined attempts (`too_many_attempts`): then only a new card
 *   the shop shares can be paid, and the server would refuse a new checkout (429).
 * - `unknown`: a technical failure whose outcome the server is still resolving — NEVER resubmit.
 * - `authorized`: the amount is held; only the operator moves it on (capture or void).
 * - `paid`, `declined`, `revoked`, `expired`, `voided`, `card_saved`: final (DESIGN.md, "Payment request states").
 *
 * A switch over every status, so a status added to the protocol fails to compile until it is decided here.
 */
export function offersPayNow(request: Pick<PaymentRequest, 'status'> & Partial<Pick<PaymentRequest, 'failure'>>): boolean {
  const status: PaymentRequestStatus = request.status
  switch (status) {
    case 'pending':
    case 'checkout_open':
      return true
    case 'failed':
      return !isStopped(request)
    case 'unknown':
    case 'authorized':
    case 'paid':
    case 'declined':
    case 'revoked':
    case 'expired':
    case 'voided':
    case 'card_saved':
      return false
    default:
      // A status from a newer server: offer nothing rather than risk a second charge.
      return unreachable(status)
  }
}

/**
 * Whether a card offers Cancel: where Pay Now is, until part of it is paid (the server refuses the
 * visitor's decline then, `409 partially_paid`, as the charges already made stand).
 */
export function offersCancel(request: Pick<PaymentRequest, 'status' | 'amountPaid'> & Partial<Pick<PaymentRequest, 'failure'>>): boolean {
  // `?.`: a server from before split payments sends no `amountPaid`; nothing is paid then.
  return offersPayNow(request) && !request.amountPaid?.amount
}

/** Whether the card was stopped after too many declined attempts: it says so, and offers nothing. */
export function isStopped(request: Partial<Pick<PaymentRequest, 'failure'>>): boolean {
  return request.failure?.code === ('too_many_attempts' satisfies PaymentStoppedCode)
}

function unreachable(_status: never): false {
  return false
}
