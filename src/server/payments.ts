import type {
  CheckoutPayBody,
  CheckoutPayResult,
  CheckoutSessionLink,
  CheckoutSessionView,
  Message,
  MessageDelivery,
  PaymentRequest,
  PaymentRequestStatus,
} from '../protocol/types'
import { ApiFailure, invalidState, notFound } from './api-error'
import { addMessage, conversationById } from './conversations'
import { secretFingerprinter } from './idempotency'
import { newId, newToken } from './ids'
import { publicPaymentRequest } from './payment-view'
import type { CheckoutSessionRecord, PaymentRequestRecord, ServerState, VisitorRecord } from './state'
import { checkCard, outcomeFor } from './test-cards'

const HOUR = 3_600_000
/** How long a shared card stays payable. */
export const PAYMENT_REQUEST_LIFETIME_MS = 24 * HOUR
/** How long one checkout session (one page load's worth of paying) lives. */
export const CHECKOUT_SESSION_LIFETIME_MS = HOUR / 2

/** Statuses from which the visitor or operator can still stop the request, and time can expire it. */
const OPEN: PaymentRequestStatus[] = ['pending', 'checkout_open', 'failed']

export function paymentRequestById(state: ServerState, id: string): PaymentRequestRecord {
  sweepExpired(state)
  const record = state.paymentRequests.get(id)
  if (!record) throw notFound('payment request')
  return record
}

function transition(
  state: ServerState,
  record: PaymentRequestRecord,
  status: PaymentRequestStatus,
  patch: Partial<Pick<PaymentRequest, 'failure' | 'receipt'>> = {},
): PaymentRequest {
  Object.assign(record, patch, { status, updatedAt: state.clock.iso(), version: record.version + 1 })
  const paymentRequest = publicPaymentRequest(record)
  state.events.emit({ type: 'payment_request.updated', conversationId: record.conversationId, paymentRequest })
  return paymentRequest
}

/** Expires what time has run out on. Called on reads and when the mock clock moves. */
export function sweepExpired(state: ServerState): void {
  const now = state.clock.now()
  for (const session of state.checkoutSessions.values()) {
    if (session.status === 'open' && session.expiresAt <= now) session.status = 'expired'
  }
  for (const record of state.paymentRequests.values()) {
    if (OPEN.includes(record.status) && Date.parse(record.expiresAt) <= now) {
      closeCheckout(state, record)
      transition(state, record, 'expired')
    }
  }
}

/** A card checked against its page and conversation, not yet in the chat: see `postCard`. */
export function prepareCard(state: ServerState, conversationId: string, paymentPageId: string): PaymentRequestRecord {
  const conversation = conversationById(state, conversationId)
  const page = state.paymentPages.get(paymentPageId)
  if (!page) throw new ApiFailure(404, 'not_found', 'No payment page with that id.', 'paymentPageId')
  if (page.brandId !== conversation.brandId) {
    throw new ApiFailure(422, 'brand_mismatch', 'This payment page belongs to another brand than the conversation.', 'paymentPageId')
  }
  // One reading of the clock: two could straddle a millisecond and make the lifetime 24 h + 1 ms.
  const at = state.clock.now()
  const now = new Date(at).toISOString()
  return {
    id: newId('pr'),
    conversationId,
    paymentPageId: page.id,
    title: page.title,
    description: page.description,
    price: { ...page.price },
    billing: { ...page.billing },
    status: 'pending',
    failure: null,
    receipt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
    expiresAt: new Date(at + PAYMENT_REQUEST_LIFETIME_MS).toISOString(),
    brandId: page.brandId,
    checkoutSessionId: null,
    lastCard: null,
    payLinkToken: newToken('pl'),
  }
}

/** Keeps a prepared card and posts it in the chat as the brand's message. */
export function postCard(state: ServerState, record: PaymentRequestRecord, delivery: MessageDelivery | null = null): Message {
  state.paymentRequests.set(record.id, record)
  const brand = state.brands.get(record.brandId)
  return addMessage(state, record.conversationId, {
    author: { role: 'operator', name: brand?.name ?? null },
    text: '',
    paymentRequestId: record.id,
    delivery,
  }).message
}

export function shareCard(state: ServerState, conversationId: string, paymentPageId: string): PaymentRequest {
  const record = prepareCard(state, conversationId, paymentPageId)
  postCard(state, record)
  return publicPaymentRequest(record)
}

/**
 * Pay Now. One open checkout session per request: double clicks, two tabs and retries all land on it,
 * and a replayed Idempotency-Key gets exactly the answer it got the first time, for 24 h. Keys are the
 * visitor's own (another visitor's key is just another key); one used for another card is 422.
 *
 * Nothing here waits, so the key is claimed and released within one turn of the event loop: a
 * duplicate sent at the same moment is handled after the first and replays its answer, and 409
 * `idempotency_in_progress` cannot happen on this endpoint (it can on `pay`, which reads a body).
 */
export function openCheckout(
  state: ServerState,
  visitor: VisitorRecord,
  record: PaymentRequestRecord,
  idempotencyKey: string,
  origin: string,
): CheckoutSessionLink {
  return state.idempotency.checkout.once(`${visitor.id} ${idempotencyKey}`, record.id, () => ensureCheckoutSession(state, record, origin))
}

/** The request's open checkout session, made when there is none (or it expired) and the card is payable. */
export function ensureCheckoutSession(state: ServerState, record: PaymentRequestRecord, origin: string): CheckoutSessionLink {
  if (record.status === 'unknown') {
    throw new ApiFailure(409, 'payment_status_unknown', 'The status of the last payment is unknown. Do not pay again until it is confirmed.')
  }
  if (!OPEN.includes(record.status)) throw invalidState('payment request', record.status)

  let session = record.checkoutSessionId ? state.checkoutSessions.get(record.checkoutSessionId) : undefined
  if (!session || session.status !== 'open') {
    session = {
      id: newId('cs'),
      paymentRequestId: record.id,
      status: 'open',
      expiresAt: Math.min(state.clock.now() + CHECKOUT_SESSION_LIFETIME_MS, Date.parse(record.expiresAt)),
    }
    state.checkoutSessions.set(session.id, session)
    record.checkoutSessionId = session.id
  }
  if (record.status !== 'checkout_open') transition(state, record, 'checkout_open')
  return {
    checkoutSessionId: session.id,
    checkoutUrl: `${origin}/checkout/${session.id}`,
    expiresAt: new Date(session.expiresAt).toISOString(),
  }
}

/** The visitor's Cancel; repeating it is harmless. */
export function declineRequest(state: ServerState, record: PaymentRequestRecord): PaymentRequest {
  if (record.status === 'declined') return publicPaymentRequest(record)
  if (!OPEN.includes(record.status)) throw invalidState('payment request', record.status)
  closeCheckout(state, record)
  return transition(state, record, 'declined')
}

/** The operator's cancel: the card is withdrawn and its open checkout page stops taking payments. */
export function revokeRequest(state: ServerState, record: PaymentRequestRecord): PaymentRequest {
  if (!OPEN.includes(record.status)) throw invalidState('payment request', record.status)
  closeCheckout(state, record)
  return transition(state, record, 'revoked')
}

function closeCheckout(state: ServerState, record: PaymentRequestRecord): void {
  const session = record.checkoutSessionId ? state.checkoutSessions.get(record.checkoutSessionId) : undefined
  if (session?.status === 'open') session.status = 'expired'
}

function checkoutSession(state: ServerState, id: string): { session: CheckoutSessionRecord; record: PaymentRequestRecord } {
  sweepExpired(state)
  const session = state.checkoutSessions.get(id)
  const record = session && state.paymentRequests.get(session.paymentRequestId)
  if (!session || !record) throw notFound('checkout session')
  return { session, record }
}

export function checkoutView(state: ServerState, id: string): CheckoutSessionView {
  const { session, record } = checkoutSession(state, id)
  const brand = state.brands.get(record.brandId)!
  return {
    id: session.id,
    paymentRequestId: record.id,
    status: session.status,
    brand: { name: brand.name, color: brand.color },
    item: { title: record.title, description: record.description, price: record.price, billing: record.billing },
    paymentRequestStatus: record.status,
    failure: record.failure,
    receipt: record.receipt,
    expiresAt: new Date(session.expiresAt).toISOString(),
  }
}

/** The simulated gateway charge. Keeps only the card's brand and last 4 digits. */
export function payCheckout(state: ServerState, id: string, body: CheckoutPayBody): CheckoutPayResult {
  const { session, record } = checkoutSession(state, id)
  if (!['checkout_open', 'failed'].includes(record.status)) {
    throw new ApiFailure(409, 'invalid_state', `This payment is no longer payable: it is ${record.status.replace('_', ' ')}.`)
  }
  if (session.status !== 'open') {
    throw new ApiFailure(422, 'checkout_expired', 'This checkout page has expired. Go back to the chat and press Pay now again.')
  }
  const card = checkCard(body, new Date(state.clock.now()))
  const { outcome, failure } = outcomeFor(card.digits)
  let paymentRequest: PaymentRequest
  if (outcome === 'paid') {
    session.status = 'complete'
    paymentRequest = transition(state, record, 'paid', {
      receipt: { cardBrand: card.brand, last4: card.last4, reference: newId('ch'), paidAt: state.clock.iso() },
    })
    return { outcome, message: 'Payment successful.', paymentRequest }
  }
  if (outcome === 'unknown') session.status = 'complete'
  record.lastCard = { cardBrand: card.brand, last4: card.last4 }
  paymentRequest = transition(state, record, outcome, { failure })
  return { outcome, message: failure!.message, paymentRequest }
}

/** Keyed, so the card numbers behind remembered pay keys are not kept in any form that can be reversed. */
const cardFingerprint = secretFingerprinter()

/**
 * `pay` with an Idempotency-Key: a retry after a timeout gets the first outcome back instead of being
 * charged again (or told 409 without learning how the first try ended). The key is claimed before the
 * body is read, so a duplicate sent while the first body is still arriving is 409
 * `idempotency_in_progress`. Keys belong to their checkout session, the page's only credential, so one
 * page cannot block or probe another's. The same key with other card details is 422; the CVC is left
 * out of that comparison because it may not be kept in any form once the charge is made.
 */
export async function payCheckoutOnce(
  state: ServerState,
  id: string,
  idempotencyKey: string,
  readCard: () => Promise<CheckoutPayBody>,
): Promise<CheckoutPayResult> {
  const claim = state.idempotency.pay.begin(`${id} ${idempotencyKey}`)
  try {
    const body = await readCard()
    const fingerprint = await cardFingerprint([body.name, body.number.replace(/\D/g, ''), body.expMonth, body.expYear])
    return claim.complete(fingerprint, () => payCheckout(state, id, body))
  } finally {
    claim.release()
  }
}

/** Reconciliation of an `unknown` charge (a mock control: the gateway finally answers). */
export function settleUnknown(state: ServerState, record: PaymentRequestRecord, outcome: 'paid' | 'failed'): PaymentRequest {
  if (record.status !== 'unknown') throw invalidState('payment request', record.status)
  if (outcome === 'failed') {
    return transition(state, record, 'failed', { failure: { code: 'card_declined', message: 'The payment did not go through.' } })
  }
  return transition(state, record, 'paid', {
    receipt: { ...record.lastCard!, reference: newId('ch'), paidAt: state.clock.iso() },
  })
}
