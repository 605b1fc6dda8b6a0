import type {
  CheckoutMode,
  CheckoutSessionLink,
  Message,
  MessageDelivery,
  PaymentRequest,
  PaymentRequestStatus,
  TransactionType,
} from '../protocol/types'
import { ApiFailure, invalidState, notFound } from './api-error'
import { addMessage, conversationById } from './conversations'
import { newId, newToken } from './ids'
import { tooManyAttempts } from './payment-stop'
import { publicPaymentRequest } from './payment-view'
import type { PaymentRequestRecord, ServerState, VisitorRecord } from './state'

const MINUTE = 60_000
/** How long a shared card stays payable. */
export const PAYMENT_REQUEST_LIFETIME_MS = 24 * 60 * MINUTE
/** How long one checkout session lives unless the share says otherwise (30 to 1440 minutes). */
export const DEFAULT_CHECKOUT_MINUTES = 24 * 60

/** Statuses from which the visitor or operator can still stop the request, and time can expire it. */
const OPEN: PaymentRequestStatus[] = ['pending', 'checkout_open', 'failed']

export function paymentRequestById(state: ServerState, id: string): PaymentRequestRecord {
  sweepExpired(state)
  const record = state.paymentRequests.get(id)
  if (!record) throw notFound('payment request')
  return record
}

/** Moves the request (or only patches it, with its own status) and tells the conversation. */
export function transition(
  state: ServerState,
  record: PaymentRequestRecord,
  status: PaymentRequestStatus,
  patch: Partial<Pick<PaymentRequest, 'failure' | 'receipt' | 'amountPaid' | 'charges' | 'subscription' | 'savedCard'>> = {},
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
export function prepareCard(
  state: ServerState,
  conversationId: string,
  paymentPageId: string,
  options: { transactionType?: TransactionType; checkoutMinutes?: number } = {},
): PaymentRequestRecord {
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
    transactionType: options.transactionType ?? 'sale',
    amountPaid: { amount: 0, currency: page.price.currency },
    charges: [],
    subscription: null,
    savedCard: null,
    brandId: page.brandId,
    checkoutSessionId: null,
    lastCard: null,
    payLinkToken: newToken('pl'),
    checkoutMinutes: options.checkoutMinutes ?? DEFAULT_CHECKOUT_MINUTES,
    declines: 0,
    stopped: false,
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

export function shareCard(
  state: ServerState,
  conversationId: string,
  paymentPageId: string,
  options: Parameters<typeof prepareCard>[3] = {},
): PaymentRequest {
  const record = prepareCard(state, conversationId, paymentPageId, options)
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
  openerOrigin: string | null,
): CheckoutSessionLink {
  return state.idempotency.checkout.once(`${visitor.id} ${idempotencyKey}`, record.id, () => {
    const link = ensureCheckoutSession(state, record, openerOrigin)
    // The page speaks the chat's language; the widget adds nothing to the URL (its bytes are counted).
    if (visitor.locale) link.checkoutUrl += `?locale=${encodeURIComponent(visitor.locale)}`
    return link
  })
}

/**
 * The request's open checkout session, made when there is none (or it expired) and the card is payable.
 * `openerOrigin`: the page opening it now, if any; a link opened from no page keeps the one it had.
 */
export function ensureCheckoutSession(state: ServerState, record: PaymentRequestRecord, openerOrigin: string | null = null): CheckoutSessionLink {
  if (record.status === 'unknown') {
    throw new ApiFailure(409, 'payment_status_unknown', 'The status of the last payment is unknown. Do not pay again until it is confirmed.')
  }
  if (!OPEN.includes(record.status)) throw invalidState('payment request', record.status)
  // Card testing: a card that took too many declined attempts opens no page again; a new share does.
  if (record.stopped) throw tooManyAttempts()

  let session = record.checkoutSessionId ? state.checkoutSessions.get(record.checkoutSessionId) : undefined
  if (!session || session.status !== 'open') {
    session = {
      id: newId('cs'),
      paymentRequestId: record.id,
      mode: checkoutMode(record),
      status: 'open',
      expiresAt: Math.min(state.clock.now() + record.checkoutMinutes * MINUTE, Date.parse(record.expiresAt)),
      paidBefore: record.amountPaid.amount,
      charged: 0,
      extras: 0,
      openerOrigin: null,
      declines: 0,
    }
    state.checkoutSessions.set(session.id, session)
    record.checkoutSessionId = session.id
  }
  if (openerOrigin !== null) session.openerOrigin = openerOrigin
  if (record.status !== 'checkout_open') transition(state, record, 'checkout_open')
  return {
    checkoutSessionId: session.id,
    checkoutUrl: checkoutUrlOf(state, session.id),
    expiresAt: new Date(session.expiresAt).toISOString(),
  }
}

/** The hosted checkout page of a session, on the public URL. */
export function checkoutUrlOf(state: ServerState, checkoutSessionId: string): string {
  return `${state.publicUrl}/checkout/${checkoutSessionId}`
}

export function checkoutMode(record: PaymentRequest): CheckoutMode {
  if (record.transactionType === 'save_card') return 'setup'
  return record.billing.type === 'recurring' ? 'subscription' : 'payment'
}

/** The visitor's Cancel; repeating it is harmless. Once part is paid, only the operator can stop it. */
export function declineRequest(state: ServerState, record: PaymentRequestRecord): PaymentRequest {
  if (record.status === 'declined') return publicPaymentRequest(record)
  if (!OPEN.includes(record.status)) throw invalidState('payment request', record.status)
  if (record.amountPaid.amount > 0) {
    throw new ApiFailure(409, 'partially_paid', 'Part of this payment is already paid, so it cannot be cancelled here. Ask in the chat.')
  }
  closeCheckout(state, record)
  return transition(state, record, 'declined')
}

/** The operator's cancel: the card is withdrawn and its open checkout page stops taking payments. */
export function revokeRequest(state: ServerState, record: PaymentRequestRecord): PaymentRequest {
  if (!OPEN.includes(record.status)) throw invalidState('payment request', record.status)
  closeCheckout(state, record)
  return transition(state, record, 'revoked')
}

export function closeCheckout(state: ServerState, record: PaymentRequestRecord): void {
  const session = record.checkoutSessionId ? state.checkoutSessions.get(record.checkoutSessionId) : undefined
  if (session?.status === 'open') session.status = 'expired'
}

