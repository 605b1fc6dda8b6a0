import type { PaymentRequest, PaymentRequestStatus } from '../protocol/types'

/**
 * Whether a card offers Pay Now: the one rule the widget and the tests share.
 *
 * - `pending`: the first attempt.
 * - `checkout_open`: the checkout session is open; Pay Now reopens it (same idempotency key).
 * - `failed`: a declined card; Pay Now again makes a new attempt.
 * - `unknown`: a technical failure whose outcome the server is still resolving — NEVER resubmit.
 * - `paid`, `declined`, `revoked`, `expired`: final (DESIGN.md, "Payment request states").
 *
 * A switch over every status, so a status added to the protocol fails to compile until it is decided here.
 */
export function offersPayNow(request: Pick<PaymentRequest, 'status'>): boolean {
  const status: PaymentRequestStatus = request.status
  switch (status) {
    case 'pending':
    case 'checkout_open':
    case 'failed':
      return true
    case 'unknown':
    case 'paid':
    case 'declined':
    case 'revoked':
    case 'expired':
      return false
    default:
      // A status from a newer server: offer nothing rather than risk a second charge.
      return unreachable(status)
  }
}

function unreachable(_status: never): false {
  return false
}
