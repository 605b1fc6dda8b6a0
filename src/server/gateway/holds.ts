import type { PaymentRequest } from '../../protocol/types'
import { invalidState } from '../api-error'
import { publicPaymentRequest } from '../payment-view'
import type { PaymentRequestRecord, ServerState } from '../state'
import { approve } from './charge-attempt'
import { deliverGatewayEvent } from './deliver-event'

/**
 * The operator captures an `authorize` hold (the amount is charged) or voids it (released, nothing
 * charged). Each hold is settled once: a double click or a retry gets the settled request back.
 */
export async function settleHold(state: ServerState, record: PaymentRequestRecord, action: 'capture' | 'void'): Promise<PaymentRequest> {
  const hold = record.charges[0]
  const settledTo = action === 'capture' ? 'paid' : 'voided'
  if (hold && state.gateway.settledHolds.has(hold.reference) && record.status === settledTo) return publicPaymentRequest(record)
  if (record.status !== 'authorized' || !hold) throw invalidState('payment request', record.status)
  state.gateway.settledHolds.add(hold.reference)
  await deliverGatewayEvent(state, action === 'capture' ? 'charge.captured' : 'authorization.voided', {
    paymentRequestId: record.id,
    reference: hold.reference,
    amount: hold.amount,
    card: { cardBrand: hold.cardBrand, last4: hold.last4 },
    charge: hold,
  })
  return publicPaymentRequest(record)
}

/**
 * Reconciliation of an `unknown` attempt (a mock control: the gateway finally learns what the issuer
 * did) and its webhook: approved as the attempt would have been, or declined. The attempt may be an
 * extra payment on a paid request, which stays `paid` while that extra is unknown.
 */
export async function settleUnknown(state: ServerState, record: PaymentRequestRecord, outcome: 'paid' | 'failed'): Promise<PaymentRequest> {
  const pending = state.gateway.unknownAttempts.get(record.id)
  if (!pending) throw invalidState('payment request', record.status)
  state.gateway.unknownAttempts.delete(record.id)
  const { attempt, reference } = pending
  if (outcome === 'failed') {
    await deliverGatewayEvent(state, 'charge.failed', {
      paymentRequestId: record.id,
      reference,
      amount: { amount: attempt.amount + attempt.surcharge, currency: record.price.currency },
      card: attempt.card,
      failure: { code: 'card_declined', message: 'The payment did not go through.', reference },
    })
  } else {
    const { type, data } = approve(state, undefined, record, attempt, reference)
    await deliverGatewayEvent(state, type, data)
  }
  return publicPaymentRequest(record)
}
