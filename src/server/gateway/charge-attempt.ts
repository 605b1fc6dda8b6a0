import type { Charge, CheckoutPayResult, Money } from '../../protocol/types'
import { formatMoney } from '../../i18n/money'
import { newToken } from '../ids'
import { publicPaymentRequest } from '../payment-view'
import type { CheckoutSessionRecord, PaymentRequestRecord, ServerState } from '../state'
import { makeAttempt } from './attempts'
import { deliverGatewayEvent } from './deliver-event'
import type { GatewayEventData, GatewayEventType } from './gateway-event'
import type { ChargeAttempt } from './gateway-state'
import { startSubscription } from './subscriptions'
import type { IssuerAnswer } from './test-cards'

/**
 * The gateway makes the attempt the issuer answered, closes the session when it is done, and tells
 * the merchant by signed webhook before answering the page: the page's result and the chat's card
 * agree the moment the payer sees it.
 */
export async function chargeAttempt(
  state: ServerState,
  session: CheckoutSessionRecord,
  record: PaymentRequestRecord,
  attempt: ChargeAttempt,
  answer: Exclude<IssuerAnswer, { kind: 'challenge' }>,
): Promise<CheckoutPayResult> {
  const amount: Money = { amount: attempt.amount + attempt.surcharge, currency: record.price.currency }
  const reference = makeAttempt(state, {
    paymentRequestId: record.id,
    type: record.transactionType,
    amount,
    charge: { kind: attempt.kind, surcharge: attempt.surcharge },
  })
  const base = { paymentRequestId: record.id, reference, amount, card: attempt.card }
  const result = (outcome: CheckoutPayResult['outcome'], message: string, charge: Charge | null = null): CheckoutPayResult => ({
    outcome,
    message,
    paymentRequest: publicPaymentRequest(state.paymentRequests.get(record.id)!),
    charge,
    challenge: null,
  })

  if (answer.kind === 'declined') {
    await deliverGatewayEvent(state, 'charge.failed', { ...base, failure: { ...answer.failure, reference } })
    return result('failed', answer.failure.message)
  }
  if (answer.kind === 'unknown') {
    // Nothing more is taken here until the gateway knows: the payer must not pay twice.
    session.status = 'complete'
    session.expiresAt = Math.min(session.expiresAt, state.clock.now())
    state.gateway.unknownAttempts.set(record.id, { attempt, reference })
    await deliverGatewayEvent(state, 'charge.unknown', { ...base, failure: { ...answer.failure, reference } })
    return result('unknown', `${answer.failure.message} Contact us with reference ${reference}.`)
  }

  const { type, data, message } = approve(state, session, record, attempt, reference)
  await deliverGatewayEvent(state, type, data)
  return result('paid', message, data.charge ?? null)
}

/** An approved attempt as the session counts it and the webhook tells it; also used to settle an unknown one. */
export function approve(
  state: ServerState,
  session: CheckoutSessionRecord | undefined,
  record: PaymentRequestRecord,
  attempt: ChargeAttempt,
  reference: string,
): { type: GatewayEventType; data: GatewayEventData; message: string } {
  const currency = record.price.currency
  const amount: Money = { amount: attempt.amount + attempt.surcharge, currency }
  const base = { paymentRequestId: record.id, reference, amount, card: attempt.card }
  if (record.transactionType === 'save_card') {
    if (session) session.status = 'complete'
    const savedCard = { token: newToken('pm'), ...attempt.card }
    return { type: 'setup.succeeded', data: { ...base, amount: { amount: 0, currency }, savedCard }, message: 'Your card is saved.' }
  }
  const charge: Charge = {
    reference,
    kind: attempt.kind,
    label: attempt.label,
    amount,
    surcharge: { amount: attempt.surcharge, currency },
    method: attempt.method,
    ...attempt.card,
    at: state.clock.iso(),
  }
  if (attempt.kind === 'extra') {
    if (session) session.extras++
    return { type: 'charge.succeeded', data: { ...base, charge }, message: 'Payment successful.' }
  }
  if (session) session.charged += attempt.amount
  const paid = record.amountPaid.amount + attempt.amount
  const covered = session ? session.paidBefore + session.charged >= record.price.amount : paid >= record.price.amount
  if (covered && session) session.status = 'complete'
  if (record.transactionType === 'authorize') {
    return { type: 'charge.authorized', data: { ...base, charge }, message: 'Payment authorized: the amount is held on your card until the order is confirmed.' }
  }
  const subscription = covered && record.billing.type === 'recurring' ? startSubscription(state, record, attempt.card) : undefined
  const left = record.price.amount - (session ? session.paidBefore + session.charged : paid)
  const message = covered ? 'Payment successful.' : `Part payment successful. ${formatMoney({ amount: left, currency }, 'en')} is left to pay.`
  return { type: 'charge.succeeded', data: { ...base, charge, ...(subscription ? { subscription } : {}) }, message }
}
