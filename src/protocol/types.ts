/**
 * Wire types shared by the client, the store, the widget and the reference server.
 * Types only: nothing here may pull runtime code into a bundle.
 *
 * Conventions: ids are opaque strings with a prefix (`brand_`, `conv_`, `msg_`, `pr_`, `cs_`, `pp_`,
 * `gw_`, `vis_`); timestamps are ISO 8601 UTC strings; money is integer minor units.
 */

/** An amount in the currency's minor unit (cents for USD, yen for JPY, fils for BHD). */
export interface Money {
  amount: number
  /** ISO 4217 code, upper case. */
  currency: string
}

export type BillingInterval = 'week' | 'month' | 'year'

export type Billing =
  | { type: 'one_time' }
  | { type: 'recurring'; interval: BillingInterval; intervalCount: number }

/** What the widget may know about a brand. */
export interface PublicBrand {
  id: string
  name: string
  /** Default currency of the brand's payment pages. */
  currency: string
  /** Accent colour, `#rrggbb`. */
  color: string
  /** First line the widget shows in an empty conversation. */
  greeting: string
  /** Origins (`https://pay.example`) whose checkout URLs the widget may open, besides the API's own. */
  checkoutOrigins: string[]
  /** `https:` origins (`https://shop.example`) that template URL buttons may open, besides the API's own. */
  linkOrigins: string[]
  /** The brand takes WhatsApp: the widget may offer "Continue on WhatsApp". */
  whatsapp: boolean
}

/** An operator's view of a brand. */
export interface Brand extends Omit<PublicBrand, 'whatsapp'> {
  widgetKey: string
  /** Origins allowed to embed the widget; `['*']` for the open demo brands. */
  allowedOrigins: string[]
  /** The WhatsApp Business number in international digits (`15550001234`), or null. */
  whatsappNumber: string | null
}

export interface Conversation {
  id: string
  brandId: string
  visitorId: string
  createdAt: string
  updatedAt: string
}

export type Channel = 'web' | 'whatsapp'

/** A WhatsApp contact linked to a conversation. */
export interface WhatsAppContact {
  /** `wa_id` (phone digits), or the `user_id` when the contact shares no phone number. */
  id: string
  profileName: string | null
  /** The customer's last message: the 24-hour window for free text runs from here. */
  lastInboundAt: string
  /** When free text stops being allowed (`lastInboundAt` + 24 h). */
  windowClosesAt: string
}

/** One row of the operator's conversation list. */
export interface ConversationSummary extends Conversation {
  /** The operator who owns it (see transfer), null when unassigned. */
  assignee: Operator | null
  /** `whatsapp` once a WhatsApp contact is linked (the web chat keeps working too). */
  channel: Channel
  whatsapp: WhatsAppContact | null
  visitorName: string | null
  /** The visitor proved who they are (identity verification: a right `userHash`). */
  visitorVerified: boolean
  lastMessage: Message | null
  messageCount: number
}

export type MessageRole = 'visitor' | 'operator' | 'bot' | 'system'

export interface MessageAuthor {
  role: MessageRole
  /** Display name; null for the visitor and for system lines. */
  name: string | null
}

export type MessageType = 'text' | 'payment_request' | 'template'

export interface Message {
  id: string
  conversationId: string
  /** The sender's idempotency id; only on visitor messages sent with one. */
  clientId: string | null
  type: MessageType
  author: MessageAuthor
  /** Plain text, never HTML. Empty for a `payment_request` message. */
  text: string
  /** The card this message carries, as it was when the message was read. */
  paymentRequest: PaymentRequest | null
  /** A template message, filled: rendered with its header, footer and buttons (text holds the body). */
  template?: RenderedTemplate | null
  /** How far a business message sent on WhatsApp got (live updates go to operators); absent on web-only messages. */
  delivery?: MessageDelivery | null
  createdAt: string
}

/** WhatsApp's progress for a message the business sent: it never moves back, except to `failed`. */
export type DeliveryStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed'

export interface MessageDelivery {
  channel: 'whatsapp'
  status: DeliveryStatus
  updatedAt: string
  /** Why WhatsApp gave up (`status: failed`), in the Cloud API's words. */
  error?: { code: number; message: string }
}

/** A sent template with its parameters filled in. */
export interface RenderedTemplate {
  name: string
  header: string | null
  body: string
  footer: string | null
  buttons: Array<{ type: 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER'; text: string; url?: string; phoneNumber?: string }>
}

/** `POST /v1/operator/conversations/{id}/payment-requests` body. */
export interface SharePaymentRequestBody {
  paymentPageId: string
  /** `sale` when left out. */
  transactionType?: TransactionType
  /** How long each checkout session opened for it lives: 30 to 1440 minutes, 1440 (24 h) when left out. */
  checkoutMinutes?: number
  /** On WhatsApp: send the card as this approved template, whose `/pay/{{1}}` URL button carries the pay link. */
  whatsapp?: Pick<SendTemplateBody, 'templateId' | 'parameters'>
}

/** `POST /v1/operator/conversations/{id}/templates` body. */
export interface SendTemplateBody {
  templateId: string
  /** Positional: `["Ada", "A-1001"]`; named: `{ "first_name": "Ada" }`. Values may hold merge fields. */
  parameters?: string[] | Record<string, string>
  /** The dynamic suffix of a URL button whose url ends in `{{1}}`. */
  urlSuffix?: string
}

export interface CreditEntry {
  at: string
  /** Positive for purchases and top-ups, negative for spending. */
  amount: number
  reason: 'purchase' | 'auto_recharge' | 'template'
  note: string
  /** The brand whose template spent it; null for purchases and top-ups, which are the business's. */
  brandId: string | null
  balanceAfter: number
}

export interface Credits {
  balance: number
  autoRecharge: { enabled: boolean; minimumBalance: number; rechargeAmount: number }
  /** Newest last. */
  ledger: CreditEntry[]
}

/** A page of messages, oldest first, newest last. */
export interface MessagePage {
  messages: Message[]
  /** True when older messages exist before the first one of this page. */
  hasMore: boolean
  /**
   * Id of the conversation's latest event when the page was read (null before any event). Subscribing
   * with it as `Last-Event-ID` continues exactly where this page left off.
   */
  lastEventId: string | null
}

/**
 * pending --Pay Now--> checkout_open --> paid | failed | unknown | authorized | card_saved
 * checkout_open --payer cancels the checkout page, nothing paid--> pending (Pay Now opens a fresh page).
 * authorized --operator capture--> paid; --operator void--> voided.
 * pending|checkout_open|failed --visitor Cancel--> declined (not once part of it is paid);
 * non-final --operator--> revoked; --time--> expired.
 */
export type PaymentRequestStatus =
  | 'pending'
  | 'checkout_open'
  | 'paid'
  | 'failed'
  | 'unknown'
  | 'declined'
  | 'revoked'
  | 'expired'
  /** `authorize`: the amount is held on the card; the operator captures it or voids the hold. */
  | 'authorized'
  /** `authorize` hold released by the operator; nothing was charged. */
  | 'voided'
  /** `save_card`: the card was stored for later use; nothing was charged. */
  | 'card_saved'

/**
 * What the operator asks for: `sale` charges now, `authorize` holds the amount for a later capture,
 * `save_card` stores the card (a reusable token) and charges nothing.
 */
export type TransactionType = 'sale' | 'authorize' | 'save_card'

/** One approved charge (or hold) towards a request, as the payer and operator may see it. */
export interface Charge {
  /** The processor's reference (`ch_…`). */
  reference: string
  /** `balance`: towards the card's price (several when split across cards); `extra`: a payment the payer added. */
  kind: 'balance' | 'extra'
  /** For `extra` payments, what it is for ("Deposit"). */
  label: string | null
  /** Charged amount, surcharge included. */
  amount: Money
  /** The card brand's surcharge inside `amount` (0 when none). */
  surcharge: Money
  /** `card` or `wallet`. */
  method: 'card' | 'wallet'
  cardBrand: string
  last4: string
  at: string
}

/** A recurring card once paid: the gateway charges the stored card every interval. */
export interface Subscription {
  id: string
  status: 'active' | 'past_due' | 'canceled'
  interval: BillingInterval
  intervalCount: number
  /** When the next renewal is charged. */
  nextChargeAt: string
  /** The latest renewal that failed, while `past_due`. */
  lastFailure: PaymentFailure | null
}

/**
 * `PaymentFailure.code` of a card stopped after too many declined attempts (5 on one checkout page, 10
 * in all): it is `failed` but takes no more attempts, so Pay Now is not offered; the shop shares a new card.
 */
export type PaymentStoppedCode = 'too_many_attempts'

export interface PaymentFailure {
  /** `card_declined`, `insufficient_funds`, `expired_card`, `incorrect_cvc`, `authentication_failed`, `processing_error`, `too_many_attempts` (`PaymentStoppedCode`), ... */
  code: string
  message: string
  /** The processor's reference of the attempt, for support ("Contact us with reference …"). */
  reference?: string
}

export interface PaymentReceipt {
  /** Card brand: `visa`, `mastercard`, `amex`, `jcb`, `unknown`. */
  cardBrand: string
  last4: string
  /** The processor's reference for this charge. */
  reference: string
  paidAt: string
}

export interface PaymentRequest {
  id: string
  conversationId: string
  paymentPageId: string
  title: string
  description: string
  price: Money
  billing: Billing
  status: PaymentRequestStatus
  /** Set while the status is `failed` (and kept after a later success for history). */
  failure: PaymentFailure | null
  /** Set once `paid` (or `authorized`, `card_saved`): the latest approved charge or the saved card. */
  receipt: PaymentReceipt | null
  createdAt: string
  updatedAt: string
  /** 1 when made, one more at every change: orders two snapshots even when `updatedAt` is the same instant. */
  version: number
  /** When a pending card stops being payable. */
  expiresAt: string
  transactionType: TransactionType
  /** Paid so far towards `price` (less than it while a split payment is under way). */
  amountPaid: Money
  /** Approved charges, oldest first: parts of a split, and up to 3 extra payments. */
  charges: Charge[]
  /** Set once a recurring card is paid. */
  subscription: Subscription | null
  /** `save_card`: the stored card's reusable token reference (`pm_…`), brand and last 4. */
  savedCard: { token: string; cardBrand: string; last4: string } | null
}

export interface PaymentPage {
  id: string
  brandId: string
  title: string
  description: string
  price: Money
  billing: Billing
}

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION'
export type TemplateStatus = 'DRAFT' | 'PENDING' | 'APPROVED' | 'REJECTED' | 'PAUSED' | 'DISABLED'

export type TemplateButton =
  | { type: 'QUICK_REPLY'; text: string }
  /** `url` may end in one `{{1}}`, the dynamic suffix filled when sending. */
  | { type: 'URL'; text: string; url: string; example?: string[] }
  | { type: 'PHONE_NUMBER'; text: string; phone_number: string }

/** Components in the Cloud API's shape. Parameters are `{{1}}`… (positional) or `{{name}}` (named). */
export type TemplateComponent =
  | { type: 'HEADER'; format: 'TEXT'; text: string; example?: { header_text: string[] } }
  | {
      type: 'BODY'
      text: string
      /** One example per parameter: positional `body_text: [[...]]`, or named `body_text_named_params`. */
      example?: { body_text?: string[][]; body_text_named_params?: Array<{ param_name: string; example: string }> }
    }
  | { type: 'FOOTER'; text: string }
  | { type: 'BUTTONS'; buttons: TemplateButton[] }

/** An approved-message template for WhatsApp, with its review status. */
export interface MessageTemplate {
  id: string
  brandId: string
  /** Lowercase letters, digits and underscores; unique per language. */
  name: string
  /** `en_US`, `ja`, `es`, `zh_CN`, … */
  language: string
  category: TemplateCategory
  parameterFormat: 'POSITIONAL' | 'NAMED'
  components: TemplateComponent[]
  status: TemplateStatus
  rejectedReason: string | null
  createdAt: string
  updatedAt: string
}

/** A saved reply; `text` may hold merge fields such as `{{contact.first_name}}` and `{{brand.name}}`. */
export interface CannedResponse {
  id: string
  /** The brand whose operators use it; null when it is shared by every brand (only an admin makes those). */
  brandId: string | null
  name: string
  text: string
  createdAt: string
  updatedAt: string
}

/** A canned response filled for one conversation; `missing` lists merge fields with no value there. */
export interface FilledCannedResponse {
  text: string
  missing: string[]
}

/** `wallet` adds Pay with Wallet to the brand's checkout (modelled on Amazon Pay). */
export type GatewayProvider = 'stripe' | 'paypal' | 'razorpay' | 'authorize_net' | 'wallet'

/** A gateway as the API returns it: secrets are never echoed, only their last 4 characters. */
export interface Gateway {
  id: string
  brandId: string
  provider: GatewayProvider
  /** Non-secret credential fields as given (publishable key, client id, ...). */
  publicCredentials: Record<string, string>
  /** Secret field name -> a mask: `••••` plus the last 4 characters for secrets of 12 or more, e.g. `{ secretKey: "••••4xQ2" }`. */
  maskedSecrets: Record<string, string>
  /** Surcharge per card brand in basis points (`{ amex: 300 }`), shown to the payer before paying. */
  surcharges: Record<string, number>
  createdAt: string
}

export interface CheckoutSessionLink {
  checkoutSessionId: string
  checkoutUrl: string
  expiresAt: string
}

export type CheckoutSessionStatus = 'open' | 'complete' | 'expired'

/** As hosted gateways say it: `payment` charges, `subscription` charges and renews, `setup` only saves a card. */
export type CheckoutMode = 'payment' | 'subscription' | 'setup'

export type CheckoutPaymentStatus = 'paid' | 'unpaid' | 'no_payment_required'

/** What the hosted checkout page reads: `GET /v1/checkout/sessions/{id}`. */
export interface CheckoutSessionView {
  id: string
  paymentRequestId: string
  mode: CheckoutMode
  status: CheckoutSessionStatus
  paymentStatus: CheckoutPaymentStatus
  transactionType: TransactionType
  brand: { name: string; color: string }
  item: { title: string; description: string; price: Money; billing: Billing }
  paymentRequestStatus: PaymentRequestStatus
  failure: PaymentFailure | null
  receipt: PaymentReceipt | null
  /** Paid towards the price so far, and what is left (the next card's default amount). */
  amountPaid: Money
  amountDue: Money
  charges: Charge[]
  /** How many more extra payments (a deposit, a fee) this session takes: 3 at most, once the price is paid. */
  extraPaymentsLeft: number
  /** Surcharge per card brand in basis points (`{ amex: 300 }` is 3 %), from the brand's gateway. */
  surcharges: Record<string, number>
  /** The brand offers Pay with Wallet (it has a gateway of provider `wallet`). */
  wallet: boolean
  subscription: Subscription | null
  /** An extra authentication step waiting for the payer (3-D Secure), if any. */
  challenge: CheckoutChallenge | null
  expiresAt: string
  /** The origin of the page whose Pay Now opened this session: the page posts its hint there and nowhere else. */
  openerOrigin: string | null
}

/** The bank's extra step (3-D Secure) for one attempt. Its card data is not kept: only brand and last 4. */
export interface CheckoutChallenge {
  id: string
  cardBrand: string
  last4: string
  amount: Money
}

/**
 * Body of `POST /v1/checkout/sessions/{id}/pay`. Card data goes only here, never to the widget.
 * Either a card (`name`, `number`, `expMonth`, `expYear`, `cvc`) or `wallet` (a wallet sign-in's token).
 */
export interface CheckoutPayBody {
  name?: string
  /** Digits, spaces allowed. */
  number?: string
  /** 1-12 */
  expMonth?: number
  /** Four digits. */
  expYear?: number
  cvc?: string
  /** Pay with the wallet signed in to (see `POST …/wallet/sign-in`) instead of a card. */
  walletToken?: string
  /** With `walletToken`: the address chosen in the wallet (its default when left out). */
  shippingAddress?: ShippingAddress
  /** Minor units of the price to pay with this card (split); the whole `amountDue` when left out. */
  amount?: number
  /** An extra payment once the price is paid: what it is for and how much. */
  extra?: { label: string; amount: number }
  /** The surcharge the payer approved, in minor units: required, and must match, when the brand carries one. */
  approvedSurcharge?: number
}

/**
 * `paid` also stands for an approved hold (`authorize`) or a saved card (`save_card`): read
 * `paymentRequest.status`. `requires_action`: the bank asks for an extra step (`challenge`).
 */
export type CheckoutOutcome = 'paid' | 'failed' | 'unknown' | 'requires_action'

/** Answer of `POST /v1/checkout/sessions/{id}/pay` and of a challenge's completion. */
export interface CheckoutPayResult {
  outcome: CheckoutOutcome
  /** Human sentence the page shows. */
  message: string
  paymentRequest: PaymentRequest
  /** The approved charge, when this call made one. */
  charge: Charge | null
  /** Set with `requires_action`. */
  challenge: CheckoutChallenge | null
}

/** `POST /v1/checkout/sessions/{id}/wallet/sign-in` answer: what the wallet supplies. */
export interface WalletSignIn {
  walletToken: string
  name: string
  email: string
  /** The wallet's default address, then every address it holds. */
  shippingAddress: ShippingAddress
  addresses: ShippingAddress[]
  /** The wallet's stored card: only brand and last 4. */
  card: { cardBrand: string; last4: string }
}

export interface ShippingAddress {
  line1: string
  city: string
  postalCode: string
  country: string
}

/** Every attempt to pay, approved or not, as the operator's transaction history shows it. */
export interface Transaction {
  id: string
  paymentRequestId: string
  /** What the attempt was: a charge, a hold, a capture or void of a hold, a saved card, a renewal. */
  type: 'sale' | 'authorize' | 'capture' | 'void' | 'save_card' | 'renewal'
  /**
   * The gateway's answer, or Paychat's own refusal before the gateway was asked: `stopped` (the card
   * took too many declined attempts: `code` `too_many_attempts`), `blocked` (an attempt refused by that
   * stop or by the rate limit: `code` `too_many_attempts` or `rate_limited`; refusals in a row are one
   * entry). Neither charges anything.
   */
  result: 'approved' | 'declined' | 'failed' | 'unknown' | 'stopped' | 'blocked'
  /** What was charged or tried; 0 for `stopped` and `blocked`. */
  amount: Money
  cardBrand: string | null
  last4: string | null
  /** The processor's reference, also for declines (what support asks for); for `stopped` and `blocked`, the checkout session's id. */
  reference: string
  /** Decline or failure code (`insufficient_funds`, …). */
  code: string | null
  /**
   * An approved charge that arrived for a card that could no longer take it (withdrawn, cancelled,
   * expired, already paid): the money was taken, the card did not move, and the shop owes it back.
   */
  needsRefund: boolean
  at: string
}

/** An operator who can own conversations (`POST /v1/operator/conversations/{id}/transfer`). */
export interface Operator {
  id: string
  name: string
}

/**
 * `admin` reaches every brand and alone changes the shop's settings (gateways, payment pages, template
 * submission, credits) and uses the mock controls; an `agent` reaches only its brands' objects.
 */
export type OperatorRole = 'admin' | 'agent'

/** An operator with its role and brands (`GET /v1/operator/operators`, `GET /v1/operator/me`); never its token. */
export interface OperatorProfile extends Operator {
  role: OperatorRole
  /** The brands whose conversations, cards, templates and canned replies it reaches; every brand for an admin. */
  brandIds: string[]
}

/** `POST /v1/conversations/{id}/handoff/whatsapp` answer. */
export interface WhatsAppHandoff {
  /** `https://wa.me/<digits>?text=<prefilled text carrying the code>`. */
  url: string
  /** Short, single-use code the customer's first WhatsApp message carries. */
  code: string
  expiresAt: string
}

/** `POST /v1/sessions` body. */
export interface CreateSessionBody {
  widgetKey: string
  /** A token from an earlier session; resumes its conversation when still valid for this brand. */
  sessionToken?: string
  locale?: string
  /** `userHash`: hex HMAC-SHA256 of `email` with the brand's identity secret; verifies the visitor at start (401 `identity_invalid` when wrong). */
  visitor?: { name?: string; email?: string; userHash?: string }
}

/** `POST /v1/identify` body (session token): the signed-in user of the host page. */
export interface IdentifyBody {
  name?: string
  email: string
  /** Hex HMAC-SHA256 of `email` with the brand's identity secret, made by the host page's server. */
  userHash: string
}

/** `POST /v1/identify` answer. */
export interface IdentifyResponse {
  visitor: { name: string | null; email: string; verified: boolean }
}

/** `POST /v1/sessions` answer (201 new, 200 resumed). */
export interface SessionResponse {
  session: { token: string; visitorId: string; resumed: boolean }
  brand: PublicBrand
  conversation: Conversation
}

/** `POST /v1/conversations/{id}/messages` body. */
export interface SendMessageBody {
  /** Client-made id (1-64 chars of `[A-Za-z0-9_-]`); the same id never creates a second message. */
  clientId: string
  /** 1-4000 characters after trimming. */
  text: string
}

/** Events on `GET /v1/conversations/{id}/events` (SSE `event:` is the `type`, `data:` the JSON). */
export type ConversationEvent =
  | { type: 'message.created'; conversationId: string; message: Message }
  | { type: 'payment_request.updated'; conversationId: string; paymentRequest: PaymentRequest }
  /** A WhatsApp contact now continues this conversation (its first message carried the handoff code). */
  | { type: 'conversation.handed_off'; conversationId: string; channel: 'whatsapp' }

/**
 * Sent on a conversation's stream, without an id, instead of a replay: the server no longer has every
 * event after the `Last-Event-ID` given (too old, or from before a restart). Refetch the messages.
 */
export interface ReplayIncompleteEvent {
  type: 'replay.incomplete'
  conversationId: string
}

/** Events on `GET /v1/operator/events`: the visitor events of every conversation, and new conversations. */
export type OperatorEvent =
  | ConversationEvent
  | { type: 'conversation.created'; conversationId: string; conversation: Conversation }
  /** The conversation moved to another operator; its messages and transaction history go with it. */
  | { type: 'conversation.transferred'; conversationId: string; assignee: Operator }
  /** An attempt to pay was recorded (see `GET /v1/operator/conversations/{id}/transactions`). */
  | { type: 'transaction.recorded'; conversationId: string; transaction: Transaction }
  /** WhatsApp reported progress (sent, delivered, read, failed) on a business message. */
  | { type: 'message.delivery_updated'; conversationId: string; messageId: string; delivery: MessageDelivery }

export type EventType = ConversationEvent['type'] | OperatorEvent['type']

/** Every error answer: `{ "error": { code, message, field? } }`. */
export interface ApiErrorBody {
  error: {
    /** snake_case, stable: `validation_failed`, `not_found`, `invalid_state`, ... */
    code: string
    message: string
    /** The offending input field, when one is to blame. */
    field?: string
    /** When WhatsApp's Cloud API refused a send: Meta's code (131047, 132001, …), message and trace id. */
    whatsapp?: { code: number; message: string; fbtraceId: string }
  }
}
