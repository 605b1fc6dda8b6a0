import type { Charge, Money, PaymentRequestStatus, Transaction } from '../protocol/types'
import { ApiFailure } from './api-error'
import type { GatewayEvent, GatewayEventType } from './gateway/gateway-event'
import type { AttemptOutcome, AttemptRecord } from './gateway/gateway-state'
import { transition } from './payments'
import { notifyRenewalFailed } from './renewal-notice'
import type { PaymentRequestRecord, ServerState } from './state'
import { recordTransaction } from './transactions'

/** Statuses a charge for the price may still land on (an `unknown` one is the gateway settling it). */
const CHARGEABLE: PaymentRequestStatus[] = ['pending', 'checkout_open', 'failed', 'unknown']

/** What each event does to the attempt it names: the kinds of attempt it can be about, from which outcomes, to which. */
const MOVES: Record<GatewayEventType, { of: AttemptRecord['type'][]; from: AttemptOutcome[]; to: AttemptOutcome }> = {
  'charge.succeeded': { of: ['sale'], from: ['pending', 'unknown'], to: 'succeeded' },
  'charge.authorized': { of: ['authorize'], from: ['pending', 'unknown'], to: 'authorized' },
  'charge.captured': { of: ['authorize'], from: ['authorized'], to: 'captured' },
  'authorization.voided': { of: ['authorize'], from: ['authorized'], to: 'voided' },
  'setup.succeeded': { of: ['save_card'], from: ['pending', 'unknown'], to: 'succeeded' },
  'charge.failed': { of: ['sale', 'authorize', 'save_card'], from: ['pending', 'unknown'], to: 'failed' },
  'charge.unknown': { of: ['sale', 'authorize', 'save_card'], from: ['pending'], to: 'unknown' },
  'renewal.succeeded': { of: ['renewal'], from: ['pending'], to: 'succeeded' },
  'renewal.failed': { of: ['renewal'], from: ['pending'], to: 'failed' },
}

/** Events that settle a hold: only a card whose amount is held can take them. */
const SETTLES_HOLD: GatewayEventType[] = ['charge.captured', 'authorization.voided']

/**
 * The merchant's side of a verified gateway event: the only place a payment request becomes paid,
 * authorized, saved or failed. The event is checked against the attempt it names before anything is
 * recorded, applied whole or not at all, and only then marked processed: a refused event, or one whose
 * applying failed, leaves nothing behind, and its redelivery is applied.
 */
export function applyGatewayEvent(state: ServerState, event: GatewayEvent): void {
  // An event for a request this server does not know (from before a reset, say) is acknowledged and ignored.
  const record = state.paymentRequests.get(event.data.paymentRequestId)
  if (record) {
    const attempt = checkedAttempt(record, state.gateway.attempts.get(event.data.reference), event)
    whole(state, record, attempt, () => apply(state, record, attempt, event))
  }
  state.gateway.processedEvents.add(event.id)
  // A notice that follows the applied event rather than part of it.
  if (record && event.type === 'renewal.failed') notifyRenewalFailed(state, record, event.data.failure!)
}

/**
 * The attempt the event names, when the event agrees with it: made for this request (else `422
 * unknown_attempt`), for its amount (else `422 amount_mismatch`), and a move it and the card allow
 * (else `409 invalid_transition`): each attempt ends once, and only a held amount is captured or voided.
 */
function checkedAttempt(record: PaymentRequestRecord, attempt: AttemptRecord | undefined, { type, data }: GatewayEvent): AttemptRecord {
  if (!attempt || attempt.paymentRequestId !== record.id) {
    throw new ApiFailure(422, 'unknown_attempt', `No attempt ${data.reference} was made for payment request ${record.id}.`, 'data.reference')
  }
  const mismatch = (field: string, what: string) =>
    new ApiFailure(422, 'amount_mismatch', `${field}: ${what} is not that of attempt ${attempt.reference}.`, field)
  if (!sameMoney(data.amount, attempt.amount)) throw mismatch('data.amount', 'the amount')
  if (data.charge) checkCharge(data.charge, attempt, mismatch)
  const move = MOVES[type]
  const cardAllows = !SETTLES_HOLD.includes(type) || record.status === 'authorized'
  if (!move.of.includes(attempt.type) || !move.from.includes(attempt.outcome) || !cardAllows) {
    throw new ApiFailure(
      409,
      'invalid_transition',
      `${type} cannot apply: attempt ${attempt.reference} is a ${attempt.type} that is ${attempt.outcome}, on a payment request that is ${record.status}.`,
    )
  }
  return attempt
}

/** The charge an event describes must be the attempt's: the same reference, amount, surcharge and purpose. */
function checkCharge(charge: Charge, attempt: AttemptRecord, mismatch: (field: string, what: string) => ApiFailure): void {
  if (charge.reference !== attempt.reference) {
    throw new ApiFailure(422, 'unknown_attempt', `data.charge.reference: the charge is not attempt ${attempt.reference}.`, 'data.charge.reference')
  }
  if (!sameMoney(charge.amount, attempt.amount)) throw mismatch('data.charge.amount', 'the amount')
  if (!attempt.charge) return
  if (!sameMoney(charge.surcharge, { amount: attempt.charge.surcharge, currency: attempt.amount.currency })) {
    throw mismatch('data.charge.surcharge', 'the surcharge')
  }
  if (charge.kind !== attempt.charge.kind) throw mismatch('data.charge.kind', 'what it pays for')
}

const sameMoney = (a: Money, b: Money) => a.amount === b.amount && a.currency === b.currency

/**
 * Runs `change` so that it happens whole or not at all: when it throws, the card, its history and the
 * attempt are put back as they were, and no event it emitted gets out.
 */
function whole(state: ServerState, record: PaymentRequestRecord, attempt: AttemptRecord, change: () => void): void {
  const saved = { record: structuredClone(record), attempt: { ...attempt } }
  const history = state.transactions.get(record.conversationId)
  const recorded = history?.length ?? 0
  try {
    state.events.holding(change)
  } catch (error) {
    Object.assign(record, saved.record)
    Object.assign(attempt, saved.attempt)
    if (history) history.length = recorded
    else state.transactions.delete(record.conversationId)
    throw error
  }
}

/**
 * Records the attempt in the conversation's history and moves the card. A charge the card can no
 * longer take (withdrawn, cancelled, expired, or more than its price) is recorded as needing a refund
 * and the card does not move: the money side is the gateway's truth, the card's the merchant's.
 */
function apply(state: ServerState, record: PaymentRequestRecord, attempt: AttemptRecord, { type, data }: GatewayEvent): void {
  attempt.outcome = MOVES[type].to
  const note = (kind: Transaction['type'], result: Transaction['result'], { code = null, needsRefund = false }: { code?: string | null; needsRefund?: boolean } = {}) =>
    void recordTransaction(state, record.conversationId, {
      paymentRequestId: record.id,
      type: kind,
      result,
      amount: data.amount,
      cardBrand: data.card?.cardBrand ?? null,
      last4: data.card?.last4 ?? null,
      reference: data.reference,
      code,
      needsRefund,
    })
  const chargeable = CHARGEABLE.includes(record.status)
  const receiptOf = (charge: Charge) => ({ cardBrand: charge.cardBrand, last4: charge.last4, reference: charge.reference, paidAt: charge.at })

  switch (type) {
    case 'charge.succeeded': {
      const charge = data.charge!
      const charges = [...record.charges, charge]
      if (charge.kind === 'extra') {
        // Extra payments are taken on a paid card's page only.
        if (record.status !== 'paid') return note('sale', 'approved', { needsRefund: true })
        note('sale', 'approved')
        return void transition(state, record, record.status, { charges })
      }
      const amountPaid = { ...record.amountPaid, amount: record.amountPaid.amount + charge.amount.amount - charge.surcharge.amount }
      if (!chargeable || amountPaid.amount > record.price.amount) return note('sale', 'approved', { needsRefund: true })
      note('sale', 'approved')
      const covered = amountPaid.amount >= record.price.amount
      const patch = { charges, amountPaid, receipt: receiptOf(charge), subscription: data.subscription ?? record.subscription }
      return void transition(state, record, covered ? 'paid' : 'checkout_open', { ...patch, failure: covered ? record.failure : null })
    }
    case 'charge.authorized': {
      const charge = data.charge!
      if (!chargeable) return note('authorize', 'approved', { needsRefund: true })
      note('authorize', 'approved')
      return void transition(state, record, 'authorized', { charges: [charge], receipt: receiptOf(charge) })
    }
    case 'charge.captured':
      note('capture', 'approved')
      return void transition(state, record, 'paid', { amountPaid: { ...record.price } })
    case 'authorization.voided':
      note('void', 'approved')
      return void transition(state, record, 'voided')
    case 'setup.succeeded': {
      note('save_card', 'approved')
      if (!chargeable) return
      const savedCard = data.savedCard!
      const receipt = { cardBrand: savedCard.cardBrand, last4: savedCard.last4, reference: data.reference, paidAt: state.clock.iso() }
      return void transition(state, record, 'card_saved', { savedCard, receipt })
    }
    case 'charge.failed':
      note(attempt.type, 'declined', { code: data.failure!.code })
      record.lastCard = data.card
      // A declined extra payment leaves the paid request as it was (the page shows the decline), and a
      // stopped card keeps saying why it was stopped.
      if (chargeable && !record.stopped) transition(state, record, 'failed', { failure: data.failure! })
      return
    case 'charge.unknown':
      note(attempt.type, 'unknown', { code: data.failure!.code })
      record.lastCard = data.card
      return void transition(state, record, chargeable ? 'unknown' : record.status, { failure: data.failure! })
    case 'renewal.succeeded':
      note('renewal', 'approved')
      return void transition(state, record, record.status, { subscription: data.subscription! })
    case 'renewal.failed':
      note('renewal', 'declined', { code: data.failure!.code })
      return void transition(state, record, record.status, { subscription: data.subscription! })
  }
}
