import type { StateCreator, StoreApi } from 'zustand/vanilla'
import type { PaychatClient, StreamStatus } from '../client/types'
import type { ChatError, ChatNotice } from './chat-error'
import type { TabCoordination } from './shared-stream'
import type { CheckoutSessionLink, Conversation, IdentifyBody, IdentifyResponse, Message, PaymentRequest, PublicBrand, WhatsAppHandoff } from '../protocol/types'

/**
 * Own messages go `sending` -> `sent`. While the network or the server is down they wait as `queued`
 * (and go out by themselves, in order); `failed` is a refusal for good, which the visitor edits or deletes.
 */
type SendStatus = 'sending' | 'queued' | 'sent' | 'failed'

/** A message as the widget shows it: a server message, or an own message not yet confirmed. */
export interface ChatMessage extends Message {
  /** `sent` for everything the server has. */
  sendStatus: SendStatus
  /** Why the last send did not go through. */
  sendError: ChatError | null
}

type ChatPhase = 'idle' | 'starting' | 'ready' | 'error'

/** Names and payloads of what the widget reports to the host page. */
export interface PaychatEventMap {
  ready: { conversationId: string }
  open: Record<string, never>
  close: Record<string, never>
  /** A message from the operator, a bot or the system (not the visitor's own echo). */
  message: Message
  'payment:opened': { paymentRequest: PaymentRequest; checkoutUrl: string }
  'payment:paid': { paymentRequest: PaymentRequest }
  'payment:failed': { paymentRequest: PaymentRequest }
  'payment:declined': { paymentRequest: PaymentRequest }
  /** The conversation continues on WhatsApp: the customer's first message there carried the code. */
  handoff: { channel: 'whatsapp' }
  /** Messages from the operator (or a bot) that came while the chat was closed; 0 again when it opens. */
  unread: { count: number }
}
export type PaychatEventName = keyof PaychatEventMap

export interface ChatState {
  phase: ChatPhase
  /** Why start failed. */
  error: ChatError | null
  brand: PublicBrand | null
  conversation: Conversation | null
  /** Oldest first. Own unsent messages stay at the end until confirmed. */
  messages: ChatMessage[]
  /** Whether older messages than the first shown are on the server (`loadOlder` reads them). */
  hasMore: boolean
  /** A `loadOlder` call is reading a page. */
  loadingOlder: boolean
  /** Why the last `loadOlder` failed; cleared when the next one starts. */
  olderError: ChatError | null
  /** Latest known state of each payment request, by id. Cards render from here, not from the message. */
  cards: Record<string, PaymentRequest>
  /** A checkout or decline call in flight, by payment request id. */
  busyCards: Record<string, 'checkout' | 'decline'>
  /** The last action error of a card, by payment request id. */
  cardErrors: Record<string, ChatError>
  connection: StreamStatus | 'idle'
  lastEventId: string | null
  /** Something the visitor should know about the chat itself (the server lost it and started afresh). */
  notice: ChatNotice | null
  /** Text handed back to the composer by `edit`; the composer takes it and calls `takeDraft`. */
  draft: string | null
  /** The visitor as `identify` set them (verified by the server), null until then. */
  visitor: IdentifyResponse['visitor'] | null
}

export interface ChatActions {
  /**
   * Starts or resumes the session, loads the latest page and opens the event stream. Never rejects: a
   * failure sets `phase: 'error'` and `error`. A call while one is under way returns that one.
   */
  start(): Promise<void>
  /** Shows the message at once as `sending` and sends it; never throws. Blank text is ignored. */
  send(text: string): void
  /** Sends a `failed` or `queued` own message now, with the same clientId. */
  retry(clientId: string): void
  /** Takes a refused own message out of the conversation and puts its text in `draft` to fix and send again. */
  edit(clientId: string): void
  /** Deletes an own message that was not sent. */
  discard(clientId: string): void
  /** The composer took the draft. */
  takeDraft(): void
  /** Gets (or reuses) the checkout session; resolves with its link. Rejects with a `ChatFailure` (its reason also in `cardErrors`). */
  checkout(paymentRequestId: string): Promise<CheckoutSessionLink>
  /** The visitor's Cancel. Never rejects: a failure lands in `cardErrors`. */
  decline(paymentRequestId: string): Promise<void>
  /** Refetches one card (a checkout window said something happened). Never rejects; on failure the card stays as it was. */
  refreshCard(paymentRequestId: string): Promise<void>
  /** Asks for a WhatsApp handoff link; rejects with a `ChatFailure` saying why (`unsafe_whatsapp_link` for anything but wa.me). */
  continueOnWhatsApp(): Promise<WhatsAppHandoff>
  /** Whether a template button may open `url` (the API's origin or one the brand lists in `linkOrigins`). */
  allowsLink(url: string): boolean
  /**
   * Reads the page before the oldest server message shown and puts it above. Never rejects: a failure
   * sets `olderError` and keeps `hasMore`, so a later call tries again. Does nothing when `!hasMore`; a
   * call while one is under way returns that one.
   */
  loadOlder(): Promise<void>
  /**
   * Lets go of all but the newest messages (they stay on the server; `loadOlder` reads them again), so
   * what each new event costs stays flat however long the conversation. The widget calls it while the
   * visitor is at the bottom.
   */
  trimOlder(): void
  /**
   * Identifies the visitor once the session is ready (starting it if need be). Never rejects: a failure
   * (401 `identity_invalid` for a wrong hash, when nothing changes) is logged with the server's sentence.
   */
  identify(body: IdentifyBody): Promise<void>
  /** Closes the event stream. */
  stop(): void
}

export type ChatStore = StoreApi<ChatState & ChatActions>

/** What the slices (src/store/slices) call on one another through `get()`; not for the widget. */
interface ChatInternals {
  /** Subscribes to the conversation's events from `lastEventId` (from the start when null), closing any stream open. */
  openStream(conversationId: string, lastEventId: string | null): void
  closeStream(): void
  /** The server lost the session: stop, forget the token, say so, and start a new conversation. */
  restartAfterLoss(): void
  /** Sends the outbox, oldest first; `now` skips the wait of a backoff. */
  drain(now?: boolean): Promise<void>
  /** A card moved from `before` to `after` (either may be missing): host-page events and checkout keys follow. */
  cardChanged(before: PaymentRequest | undefined, after: PaymentRequest | undefined): void
}

/** The whole store, as every slice sees it. */
export type Chat = ChatState & ChatActions & ChatInternals

/** One slice of the store (zustand's slices pattern): the members `K`, typed against the whole store. */
export type Slice<K extends keyof Chat> = StateCreator<Chat, [], [], Pick<Chat, K>>

/** The part of `Storage` the store needs; `localStorage` fits. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export interface ChatStoreOptions {
  client: PaychatClient
  /** Keeps the session token per widget key across reloads; omit for memory only. */
  storage?: KeyValueStorage | null
  locale?: string
  /** How tabs share one event stream (default: Web Locks and BroadcastChannel when the browser has them; null: each tab streams). */
  tabs?: TabCoordination | null
  /** Where `online` events come from (default: the window, when there is one). */
  network?: Pick<EventTarget, 'addEventListener'> | null
  /** Called for every host-page event the conversation produces. */
  emit?: <K extends PaychatEventName>(name: K, payload: PaychatEventMap[K]) => void
}
