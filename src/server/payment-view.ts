import type { PaymentRequest } from '../protocol/types'
import type { PaymentRequestRecord } from './state'

/** A payment request as the API shows it: without what only the server keeps. */
export function publicPaymentRequest(record: PaymentRequestRecord): PaymentRequest {
  const {
    brandId: _brand,
    checkoutSessionId: _session,
    lastCard: _card,
    payLinkToken: _link,
    checkoutMinutes: _minutes,
    declines: _declines,
    stopped: _stopped,
    ...request
  } = record
  return structuredClone(request)
}
