import type { CheckoutSessionView } from '../protocol/types'
import { notFound } from './api-error'
import { sweepExpired, transition } from './payments'
import type { CheckoutSessionRecord, PaymentRequestRecord, ServerState } from './state'

/** Extra payments (a deposit, a fee) one session takes once the price is paid. */
export const MAX_EXTRA_PAYMENTS = 3

export function checkoutSession(state: ServerState, id: string): { session: CheckoutSessionRecord; record: PaymentRequestRecord } {
  sweepExpired(state)
  const session = state.checkoutSessions.get(id)
  const record = session && state.paymentRequests.get(session.paymentRequestId)
  if (!session || !record) throw notFound('checkout session')
  return { session, record }
}

/**
 * Surcharges (basis points per card brand) of the brand's card gateway; none without one. Gateways
 * cannot be edited, so the latest one the operator added is the one in use: adding a gateway is how
 * its surcharges change.
 */
export function surchargesOf(state: ServerState, brandId: string): Record<string, number> {
  const gateway = [...state.gateways.values()].findLast((g) => g.brandId === brandId && g.provider !== 'wallet')
  return { ...gateway?.surcharges }
}

export function offersWallet(state: ServerState, brandId: string): boolean {
  return [...state.gateways.values()].some((g) => g.brandId === brandId && g.provider === 'wallet')
}

/**
 * How many extra payments the session still takes: only on a sale paid through this very session,
 * while it has not been given up or run out of time.
 */
export function extraPaymentsLeft(state: ServerState, session: CheckoutSessionRecord, record: PaymentRequestRecord): number {
  const takes =
    session.mode === 'payment' &&
    record.transactionType === 'sale' &&
    record.status === 'paid' &&
    record.checkoutSessionId === session.id &&
    session.status === 'complete' &&
    state.clock.now() < session.expiresAt
  return takes ? MAX_EXTRA_PAYMENTS - session.extras : 0
}

export function checkoutView(state: ServerState, id: string): CheckoutSessionView {
  const { session, record } = checkoutSession(state, id)
  const brand = state.brands.get(record.brandId)!
  const price = record.price
  const challenge = [...state.gateway.challenges.values()].find((c) => c.checkoutSessionId === session.id && !c.done)
  return {
    id: session.id,
    paymentRequestId: record.id,
    mode: session.mode,
    status: session.status,
    paymentStatus: session.mode === 'setup' ? 'no_payment_required' : record.amountPaid.amount >= price.amount ? 'paid' : 'unpaid',
    transactionType: record.transactionType,
    brand: { name: brand.name, color: brand.color },
    item: { title: record.title, description: record.description, price, billing: record.billing },
    paymentRequestStatus: record.status,
    failure: record.failure,
    receipt: record.receipt,
    amountPaid: record.amountPaid,
    amountDue: { amount: Math.max(0, price.amount - record.amountPaid.amount), currency: price.currency },
    charges: record.charges,
    extraPaymentsLeft: extraPaymentsLeft(state, session, record),
    surcharges: surchargesOf(state, record.brandId),
    wallet: offersWallet(state, record.brandId),
    subscription: record.subscription,
    challenge: challenge
      ? { id: challenge.id, ...challenge.attempt.card, amount: { amount: challenge.attempt.amount + challenge.attempt.surcharge, currency: price.currency } }
      : null,
    expiresAt: new Date(session.expiresAt).toISOString(),
    openerOrigin: session.openerOrigin,
  }
}

/**
 * The payer left the page (Cancel, or it timed out). Only this session ends: what was paid stays paid,
 * and the card in the chat can open a fresh one with Pay now, as after an expiry.
 */
export function cancelCheckout(state: ServerState, id: string): CheckoutSessionView {
  const { session, record } = checkoutSession(state, id)
  if (session.status === 'open') session.status = 'expired'
  // The card no longer says "on the checkout page" once the payer left it; Pay now opens a fresh one.
  if (record.status === 'checkout_open' && record.checkoutSessionId === id && record.amountPaid.amount === 0) {
    transition(state, record, 'pending')
  }
  // A paid session ends its offer of extra payments too.
  session.expiresAt = Math.min(session.expiresAt, state.clock.now())
  for (const challenge of state.gateway.challenges.values()) if (challenge.checkoutSessionId === id) challenge.done = true
  return checkoutView(state, id)
}
