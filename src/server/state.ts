import type {
  Brand,
  CheckoutSessionLink,
  CheckoutSessionStatus,
  Conversation,
  Gateway,
  Message,
  PaymentPage,
  PaymentRequest,
} from '../protocol/types'
import { createClock, type Clock } from './clock'
import { EventHub } from './event-hub'
import { seedBrands, seedPaymentPages } from './seed'

export interface VisitorRecord {
  id: string
  brandId: string
  token: string
  name: string | null
  email: string | null
  conversationId: string
}

/** A message as kept: its card is referenced by id and embedded fresh on every read. */
export type StoredMessage = Omit<Message, 'paymentRequest'> & { paymentRequestId: string | null }

export interface PaymentRequestRecord extends PaymentRequest {
  brandId: string
  checkoutSessionId: string | null
  /** Brand and last 4 of the latest card tried; never more of it. */
  lastCard: { cardBrand: string; last4: string } | null
}

export interface CheckoutSessionRecord {
  id: string
  paymentRequestId: string
  status: CheckoutSessionStatus
  expiresAt: number
}

export interface IdempotentCheckout {
  response: CheckoutSessionLink
  expiresAt: number
}

export interface GatewayRecord extends Gateway {
  /** Kept to prove the shape was stored; never sent back. */
  secrets: Record<string, string>
}

export interface ServerStateOptions {
  /** Bearer token of the operator API (default `op_demo`). */
  operatorToken?: string
  /** Time source before the mock offset (default `Date.now`). */
  now?: () => number
}

/** Everything the reference server knows, in memory. `reset()` returns it to the seed. */
export interface ServerState {
  readonly operatorToken: string
  readonly clock: Clock
  events: EventHub
  brands: Map<string, Brand>
  visitors: Map<string, VisitorRecord>
  conversations: Map<string, Conversation>
  messages: Map<string, StoredMessage[]>
  paymentPages: Map<string, PaymentPage>
  gateways: Map<string, GatewayRecord>
  paymentRequests: Map<string, PaymentRequestRecord>
  checkoutSessions: Map<string, CheckoutSessionRecord>
  /** `<payment request id> <Idempotency-Key>` -> the answer given. */
  idempotency: Map<string, IdempotentCheckout>
  reset(): void
}

export function createServerState(options: ServerStateOptions = {}): ServerState {
  const state: ServerState = {
    operatorToken: options.operatorToken ?? 'op_demo',
    clock: createClock(options.now),
    events: new EventHub(),
    brands: new Map(),
    visitors: new Map(),
    conversations: new Map(),
    messages: new Map(),
    paymentPages: new Map(),
    gateways: new Map(),
    paymentRequests: new Map(),
    checkoutSessions: new Map(),
    idempotency: new Map(),
    reset() {
      state.clock.reset()
      state.events = new EventHub()
      for (const map of [
        state.visitors,
        state.conversations,
        state.messages,
        state.gateways,
        state.paymentRequests,
        state.checkoutSessions,
        state.idempotency,
      ]) {
        map.clear()
      }
      state.brands = new Map(seedBrands.map((b) => [b.id, structuredClone(b)]))
      state.paymentPages = new Map(seedPaymentPages.map((p) => [p.id, structuredClone(p)]))
    },
  }
  state.reset()
  return state
}
