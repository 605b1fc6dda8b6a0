import type { PaymentRequest, PaymentRequestStatus, Transaction } from '../protocol/types'
import type { GatewayEvent } from './gateway/gateway-event'
import { publicPaymentRequest } from './payment-view'
import { transition } from './payments'
import { notifyRenewalFailed } from './renewal-notice'
import type { PaymentRequestRecord, ServerState } from './state'
import { recordTransaction } from './transactions'

/** Statuses a charge for the price may still land on (an `unknown` one is the gateway settling it). */
const CHARGEABLE: PaymentRequestStatus[] = ['pending', 'checkout_open', 'failed', 'unknown']

/**
 * The merchant's side of a verified gateway event: the only place a payment request becomes paid,
 * authorized, saved or failed. Every attempt is recorded in the conversation's history, even one
 * that lands on a request that moved on meanwhile (the money side is the gateway's truth).
 */
export function applyGatewayEvent(state: ServerState, event: GatewayEvent): PaymentRequest | null {
  const record = state.paymentRequests.get(event.data.paymentRequestId)
  if (!record) return null
  const { data } = event
  const attempt = (type: Transaction['type'], result: Transaction['result'], code: string | null = null) =>
    recordTransaction(state, record.conversationId, {
      paymentRequestId: record.id,
      type,
      result,
      amount: data.amount,
      cardBrand: data.card?.cardBrand ?? null,
      last4: data.card?.last4 ?? null,
      reference: data.reference,
      code,
    })
  const attemptType = (): Transaction['type'] => (record.transactionType === 'authorize' ? 'authorize' : record.transactionType)

  switch (event.type) {
    case 'charge.succeeded': {
      const charge = data.charge!
      attempt('sale', 'approved')
      const charges = [...record.charges, charge]
      if (charge.kind === 'extra') return transition(state, record, record.status, { charges })
      const amountPaid = { ...record.amountPaid, amount: record.amountPaid.amount + charge.amount.amount - charge.surcharge.amount }
      const covered = amountPaid.amount >= record.price.amount
      const receipt = { cardBrand: charge.cardBrand, last4: charge.last4, reference: charge.reference, paidAt: charge.at }
      const patch = { charges, amountPaid, receipt, subscription: data.subscription ?? record.subscription }
      if (!CHARGEABLE.includes(record.status)) return transition(state, record, record.status, patch)
      return transition(state, record, covered ? 'paid' : 'checkout_open', { ...patch, failure: covered ? record.failure : null })
    }
    case 'charge.authorized': {
      const charge = data.charge!
      attempt('authorize', 'approved')
      const receipt = { cardBrand: charge.cardBrand, last4: charge.last4, reference: charge.reference, paidAt: charge.at }
      return transition(state, record, CHARGEABLE.includes(record.status) ? 'authorized' : record.status, { charges: [charge], receipt })
    }
    case 'charge.captured':
      attempt('capture', 'approved')
      return transition(state, record, 'paid', { amountPaid: { ...record.price } })
    case 'authorization.voided':
      attempt('void', 'approved')
      return transition(state, record, 'voided')
    case 'setup.succeeded': {
      attempt('save_card', 'approved')
      const savedCard = data.savedCard!
      const receipt = { cardBrand: savedCard.cardBrand, last4: savedCard.last4, reference: data.reference, paidAt: state.clock.iso() }
      return transition(state, record, CHARGEABLE.includes(record.status) ? 'card_saved' : record.status, { savedCard, receipt })
    }
    case 'charge.failed':
      attempt(attemptType(), 'declined', data.failure!.code)
      return declined(state, record, event)
    case 'charge.unknown':
      attempt(attemptType(), 'unknown', data.failure!.code)
      record.lastCard = data.card
      return transition(state, record, CHARGEABLE.includes(record.status) ? 'unknown' : record.status, { failure: data.failure! })
    case 'renewal.succeeded':
      attempt('renewal', 'approved')
      return transition(state, record, record.status, { subscription: data.subscription! })
    case 'renewal.failed':
      attempt('renewal', 'declined', data.failure!.code)
      transition(state, record, record.status, { subscription: data.subscription! })
      notifyRenewalFailed(state, record, data.failure!)
      return publicPaymentRequest(record)
  }
}

function declined(state: ServerState, record: PaymentRequestRecord, event: GatewayEvent): PaymentRequest {
  record.lastCard = event.data.card
  const failure = event.data.failure!
  // A declined extra payment leaves the paid request as it was; the page shows the decline.
  if (!CHARGEABLE.includes(record.status)) return publicPaymentRequest(record)
  return transition(state, record, 'failed', { failure })
}
