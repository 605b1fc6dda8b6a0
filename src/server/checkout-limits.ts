import type { Transaction } from '../protocol/types'
import { MAX_DECLINES_PER_REQUEST, MAX_DECLINES_PER_SESSION, PAYMENT_STOPPED, STOPPED_FAILURE, tooManyAttempts } from './payment-stop'
import { transition } from './payments'
import { RateLimited } from './rate-limit'
import type { CheckoutSessionRecord, PaymentRequestRecord, ServerState } from './state'
import { recordTransaction } from './transactions'

/**
 * Card testing (a script trying number after number on one page) meets three limits: a checkout session
 * takes 5 declined attempts and a payment request 10 over all its sessions, after which the page closes
 * and only a new card in the chat can be paid; and each client address is rate limited on paying.
 */

/** Lets one pay through the client's rate limit, or records the refusal on the card it was for and throws 429. */
export function admitPay(state: ServerState, request: Request, checkoutSessionId: string): void {
  try {
    state.rateLimits.admitPay(request)
  } catch (error) {
    const session = state.checkoutSessions.get(checkoutSessionId)
    const record = session && state.paymentRequests.get(session.paymentRequestId)
    if (error instanceof RateLimited && session && record) noteRefusal(state, session, record, 'blocked', 'rate_limited')
    throw error
  }
}

/** Throws 429 too_many_attempts, recorded on the card, when this page or its card took all the declines it may. */
export function refuseIfStopped(state: ServerState, session: CheckoutSessionRecord, record: PaymentRequestRecord): void {
  if (session.declines < MAX_DECLINES_PER_SESSION && !record.stopped) return
  noteRefusal(state, session, record, 'blocked', PAYMENT_STOPPED)
  throw tooManyAttempts()
}

/** Counts a declined attempt; the one that reaches a limit closes the page and stops the card. */
export function countDecline(state: ServerState, session: CheckoutSessionRecord, record: PaymentRequestRecord): void {
  session.declines++
  record.declines++
  if (session.declines < MAX_DECLINES_PER_SESSION && record.declines < MAX_DECLINES_PER_REQUEST) return
  record.stopped = true
  // The page takes nothing more: not the price, not an extra payment, not a bank step left open.
  if (session.status === 'open') session.status = 'expired'
  session.expiresAt = Math.min(session.expiresAt, state.clock.now())
  for (const challenge of state.gateway.challenges.values()) if (challenge.checkoutSessionId === session.id) challenge.done = true
  // The card still to pay says why Pay now is gone; a paid one (its extra payments declined) stays paid.
  if (record.status === 'failed') transition(state, record, 'failed', { failure: STOPPED_FAILURE })
  noteRefusal(state, session, record, 'stopped', PAYMENT_STOPPED)
}

/**
 * Paychat's own refusal in the card's history, so the operator sees card testing. Blocked attempts in a
 * row are one entry: a script hammering a closed page must not flood the history.
 */
function noteRefusal(
  state: ServerState,
  session: CheckoutSessionRecord,
  record: PaymentRequestRecord,
  result: Extract<Transaction['result'], 'stopped' | 'blocked'>,
  code: string,
): void {
  const last = state.transactions.get(record.conversationId)?.findLast((t) => t.paymentRequestId === record.id)
  if (result === 'blocked' && last?.result === result && last.code === code) return
  recordTransaction(state, record.conversationId, {
    paymentRequestId: record.id,
    type: record.transactionType,
    result,
    amount: { amount: 0, currency: record.price.currency },
    cardBrand: null,
    last4: null,
    reference: session.id,
    code,
    needsRefund: false,
  })
}
