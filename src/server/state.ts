import type {
  Brand,
  CannedResponse,
  CheckoutPayResult,
  CheckoutSessionLink,
  CheckoutMode,
  CheckoutSessionStatus,
  Credits,
  DeliveryStatus,
  Conversation,
  Gateway,
  Message,
  MessageTemplate,
  OperatorProfile,
  PaymentPage,
  PaymentRequest,
  Transaction,
} from '../protocol/types'
import { createClock, type Clock } from './clock'
import {
  DEMO_ADMIN_TOKEN,
  DEMO_AGENT_TOKENS,
  DEMO_GATEWAY_WEBHOOK_SECRET,
  DEMO_IDENTITY_SECRETS,
  DEMO_WHATSAPP_APP_SECRET,
  DEMO_WHATSAPP_VERIFY_TOKEN,
} from './demo-secrets'
import { EventHub } from './event-hub'
import { createGatewayState, type GatewayState } from './gateway/gateway-state'
import { IdempotencyStore } from './idempotency'
import { DEFAULT_PUBLIC_URL, publicUrlFrom } from './public-url'
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit'
import { DEFAULT_MAX_STREAMS_PER_SESSION, StreamCap } from './stream-cap'
import { seedBrands, seedGateways, seedOperators, seedPaymentPages, seedTemplates } from './seed'
import type { Pricing } from './whatsapp/cloud-api'
import type { CloudApiSendRequest } from './whatsapp/cloud-api-request'
import { seedCredits } from './whatsapp/credits'

export interface VisitorRecord {
  id: string
  brandId: string
  token: string
  name: string | null
  email: string | null
  /** Identity verification passed (`userHash` right for `email`). */
  verified: boolean
  /** The widget's language at session start: the checkout page opens in it (`?locale=`). */
  locale: string | null
  conversationId: string
}

/** A message as kept: its card is referenced by id and embedded fresh on every read. */
export type StoredMessage = Omit<Message, 'paymentRequest'> & { paymentRequestId: string | null }

export interface PaymentRequestRecord extends PaymentRequest {
  brandId: string
  checkoutSessionId: string | null
  /** Brand and last 4 of the latest card tried; never more of it. */
  lastCard: { cardBrand: string; last4: string } | null
  /** The secret of its `/pay/<token>` link (sent on WhatsApp), which opens a checkout session. */
  payLinkToken: string
  /** How long each checkout session opened for it lives. */
  checkoutMinutes: number
  /** Declined attempts over all its checkout sessions. */
  declines: number
  /** Set for good once a limit on declined attempts is reached: no checkout session takes anything more. */
  stopped: boolean
}

/** The gateway's checkout session: what it has charged is known here first, before any webhook lands. */
export interface CheckoutSessionRecord {
  id: string
  paymentRequestId: string
  mode: CheckoutMode
  status: CheckoutSessionStatus
  expiresAt: number
  /** Minor units of the price already paid when the session opened (earlier parts of a split). */
  paidBefore: number
  /** Minor units of the price this session has charged (surcharges and extras not counted). */
  charged: number
  /** Extra payments made in this session. */
  extras: number
  /** Declined attempts made in this session. */
  declines: number
  /**
   * The origin of the page whose Pay Now opened (or last reopened) it, from that call's `Origin`: the
   * only origin the page posts its hint to. Null when no page did (a `/pay/` link, a script).
   */
  openerOrigin: string | null
}

export interface GatewayRecord extends Gateway {
  /** Kept to prove the shape was stored; never sent back. */
  secrets: Record<string, string>
}

/** A WhatsApp contact as kept: which conversation it continues, and when it last wrote. */
export interface WhatsAppContactRecord {
  id: string
  brandId: string
  profileName: string | null
  conversationId: string
  lastInboundAt: number
}

export interface HandoffCode {
  conversationId: string
  expiresAt: number
  used: boolean
}

/** What the simulated Cloud API sent on the business's behalf. */
export interface OutboundWhatsApp {
  /** The Cloud API's message id (`wamid…`), which status webhooks refer to. */
  id: string
  /** The chat message it carries; null for a send made straight to the simulated Graph API. */
  messageId: string | null
  to: string
  brandId: string
  conversationId: string
  type: CloudApiSendRequest['type']
  /** What the customer reads: the text, the filled template body, or the button's text and link. */
  text: string
  /** The Cloud API request as received. */
  request: CloudApiSendRequest
  pricing: Pricing
  status: DeliveryStatus
  createdAt: string
}

export interface WhatsAppSettings {
  /** `hub.verify_token` the GET handshake must present. */
  verifyToken: string
  /** Signs webhook bodies (`X-Hub-Signature-256`). */
  appSecret: string
  /**
   * After each send the simulated Cloud API reports `sent`, `delivered` and `read` after these delays
   * (ms from the send), or never with `false` (tests then report statuses with the mock control).
   */
  statusDelaysMs: readonly [number, number, number] | false
}

export interface ServerStateOptions {
  /** Secret the simulated gateway signs its webhooks with (default `whsec_paychat_demo`). */
  gatewayWebhookSecret?: string
  /** Webhook secrets (default: the demo values documented in the README). */
  whatsapp?: Partial<WhatsAppSettings>
  /** Bearer token of the admin (`op_admin`) on the operator API and the mock controls (default `op_demo`). */
  operatorToken?: string
  /** Bearer tokens of the seeded operators, by operator id (defaults: `DEMO_AGENT_TOKENS`; the admin's is also `operatorToken`). */
  operatorTokens?: Readonly<Record<string, string>>
  /** Each brand's identity verification secret, by brand id (defaults: `DEMO_IDENTITY_SECRETS`). */
  identitySecrets?: Readonly<Record<string, string>>
  /** Time source before the mock offset (default `Date.now`). */
  now?: () => number
  /**
   * The origin customers reach this server at (`PAYCHAT_PUBLIC_URL`): checkout URLs, `/pay/` links and
   * redirects, WhatsApp Pay buttons and the seeded template's button all start with it, never with a
   * request's Host. Default: the address `createNodeServer` listens on, else `http://localhost:8787`.
   */
  publicUrl?: string
  /**
   * Token buckets on the visitor API (per session and per client address), on paying at checkout (per
   * client address) and on the operator API (per operator token): default `DEFAULT_RATE_LIMITS` in
   * `rate-limit.ts`; `false` turns them all off.
   */
  rateLimits?: RateLimitOptions
  /** Event streams one visitor session holds open at once; a new one beyond it ends the oldest (default 5). */
  maxStreamsPerSession?: number
}

/** Everything the reference server knows, in memory. `reset()` returns it to the seed. */
export interface ServerState {
  /** Every operator's bearer token, by operator id: secrets, kept apart from the operators that are listed. */
  readonly operatorTokens: ReadonlyMap<string, string>
  /** Each brand's identity verification secret, by brand id: never returned by the API. */
  readonly identitySecrets: Readonly<Record<string, string>>
  /** The origin every absolute URL the server makes starts with (`ServerStateOptions.publicUrl`). */
  readonly publicUrl: string
  /**
   * Told by `createNodeServer` once it listens: without a configured public URL, the listening address
   * becomes it (a server on port 0 knows its port only then). A configured one stays.
   */
  listeningAt(url: string): void
  readonly clock: Clock
  events: EventHub
  /** Open event streams per visitor session (`ServerStateOptions.maxStreamsPerSession`). */
  readonly streamCap: StreamCap
  brands: Map<string, Brand>
  visitors: Map<string, VisitorRecord>
  conversations: Map<string, Conversation>
  messages: Map<string, StoredMessage[]>
  paymentPages: Map<string, PaymentPage>
  gateways: Map<string, GatewayRecord>
  paymentRequests: Map<string, PaymentRequestRecord>
  checkoutSessions: Map<string, CheckoutSessionRecord>
  /** The simulated gateway's own records: webhook secrets, challenges, wallets, subscriptions. */
  gateway: GatewayState
  /** Every attempt to pay, by conversation, oldest first: it stays with the conversation when it moves. */
  transactions: Map<string, Transaction[]>
  operators: Map<string, OperatorProfile>
  /** Conversation id -> the operator id who owns it. */
  assignments: Map<string, string>
  /** Answers given per `Idempotency-Key`: Pay now (by visitor) and paying on the hosted page (by checkout session). */
  readonly idempotency: { checkout: IdempotencyStore<CheckoutSessionLink>; pay: IdempotencyStore<CheckoutPayResult> }
  readonly rateLimits: RateLimiter
  readonly whatsapp: WhatsAppSettings
  /** By contact id (`wa_id` or `user_id`). */
  whatsappContacts: Map<string, WhatsAppContactRecord>
  handoffCodes: Map<string, HandoffCode>
  /** By WhatsApp sender: when its messages carried a code that linked nothing, and until when it links nothing. */
  handoffGuesses: Map<string, { unknownAt: number[]; lockedUntil: number }>
  /** Inbound WhatsApp message ids already processed: a redelivery changes nothing. */
  whatsappSeen: Set<string>
  whatsappOutbox: OutboundWhatsApp[]
  /** Pending simulated status webhooks; a reset cancels them. */
  timers: Set<ReturnType<typeof setTimeout>>
  cannedResponses: Map<string, CannedResponse>
  templates: Map<string, MessageTemplate>
  credits: Credits
  reset(): void
}

export function createServerState(options: ServerStateOptions = {}): ServerState {
  const clock = createClock(options.now)
  const operatorTokens = operatorTokensOf(options)
  const configuredUrl = options.publicUrl === undefined ? null : publicUrlFrom(options.publicUrl)
  let listening: string | null = null
  const seedTemplatesWithUrl = () => {
    for (const template of seedTemplates(state.publicUrl, clock.iso())) state.templates.set(template.id, template)
  }
  const state: ServerState = {
    operatorTokens,
    identitySecrets: { ...DEMO_IDENTITY_SECRETS, ...options.identitySecrets },
    get publicUrl() {
      return configuredUrl ?? listening ?? DEFAULT_PUBLIC_URL
    },
    listeningAt(url) {
      if (configuredUrl !== null || listening !== null) return
      listening = url
      // Before any request: the seeded template's button follows.
      seedTemplatesWithUrl()
    },
    clock,
    events: new EventHub(),
    streamCap: new StreamCap(options.maxStreamsPerSession ?? DEFAULT_MAX_STREAMS_PER_SESSION),
    brands: new Map(),
    visitors: new Map(),
    conversations: new Map(),
    messages: new Map(),
    paymentPages: new Map(),
    gateways: new Map(),
    paymentRequests: new Map(),
    checkoutSessions: new Map(),
    gateway: createGatewayState(options.gatewayWebhookSecret ?? DEMO_GATEWAY_WEBHOOK_SECRET),
    transactions: new Map(),
    operators: new Map(),
    assignments: new Map(),
    idempotency: { checkout: new IdempotencyStore(clock), pay: new IdempotencyStore(clock) },
    rateLimits: createRateLimiter(options.rateLimits, clock),
    whatsapp: {
      verifyToken: options.whatsapp?.verifyToken ?? DEMO_WHATSAPP_VERIFY_TOKEN,
      appSecret: options.whatsapp?.appSecret ?? DEMO_WHATSAPP_APP_SECRET,
      statusDelaysMs: options.whatsapp?.statusDelaysMs ?? [400, 1200, 4000],
    },
    whatsappContacts: new Map(),
    handoffCodes: new Map(),
    handoffGuesses: new Map(),
    whatsappSeen: new Set(),
    whatsappOutbox: [],
    timers: new Set(),
    cannedResponses: new Map(),
    templates: new Map(),
    credits: seedCredits(),
    reset() {
      state.clock.reset()
      for (const timer of state.timers) clearTimeout(timer)
      state.timers.clear()
      state.events.end()
      state.streamCap.clear()
      state.events = new EventHub()
      state.idempotency.checkout.clear()
      state.idempotency.pay.clear()
      state.rateLimits.clear()
      for (const map of [
        state.visitors,
        state.conversations,
        state.messages,
        state.gateways,
        state.paymentRequests,
        state.checkoutSessions,
        state.transactions,
        state.assignments,
        state.whatsappContacts,
        state.handoffCodes,
        state.handoffGuesses,
        state.whatsappSeen,
        state.cannedResponses,
        state.templates,
      ]) {
        map.clear()
      }
      state.whatsappOutbox = []
      state.credits = seedCredits()
      state.brands = new Map(seedBrands.map((b) => [b.id, structuredClone(b)]))
      state.paymentPages = new Map(seedPaymentPages.map((p) => [p.id, structuredClone(p)]))
      state.gateways = new Map(seedGateways(state.clock.iso()).map((g) => [g.id, g]))
      state.operators = new Map(seedOperators.map((o) => [o.id, structuredClone(o)]))
      state.gateway = createGatewayState(options.gatewayWebhookSecret ?? DEMO_GATEWAY_WEBHOOK_SECRET)
      seedTemplatesWithUrl()
    },
  }
  state.reset()
  return state
}

/** Each seeded operator's token: the option given, else the demo one. Two operators never share one. */
function operatorTokensOf(options: ServerStateOptions): ReadonlyMap<string, string> {
  const given: Record<string, string> = { ...DEMO_AGENT_TOKENS, op_admin: DEMO_ADMIN_TOKEN, ...options.operatorTokens }
  if (options.operatorToken !== undefined) given.op_admin = options.operatorToken
  const tokens = new Map<string, string>()
  for (const { id } of seedOperators) {
    const token = given[id]
    if (!token) throw new Error(`Operator ${id} needs a token.`)
    if ([...tokens.values()].includes(token)) throw new Error(`Operator ${id} has the same token as another operator; give each its own.`)
    tokens.set(id, token)
  }
  for (const id of Object.keys(given)) if (!tokens.has(id)) throw new Error(`No operator ${id} to give a token to.`)
  return tokens
}
