import type {
  CheckoutSessionLink,
  ConversationEvent,
  ReplayIncompleteEvent,
  CreateSessionBody,
  IdentifyBody,
  IdentifyResponse,
  Message,
  MessagePage,
  PaymentRequest,
  SessionResponse,
  WhatsAppHandoff,
} from '../protocol/types'

export interface ClientOptions {
  /** Origin (and optional path prefix) of the Paychat API, e.g. `https://chat.example.com`. */
  apiBase: string
  widgetKey: string
  /** Injected for tests and non-browser runtimes; defaults to the global `fetch`. */
  fetch?: typeof fetch
  /** Retries of reads and idempotent POSTs after network errors, 408, 429 and 5xx (default 2). */
  retries?: number
  /** Timeout of each attempt in ms (default 15000); not applied to the event stream. */
  timeout?: number
}

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed'

export interface SubscribeOptions {
  /** Resume after this event id (sent as `Last-Event-ID`). */
  lastEventId?: string | null
  /** Conversation events, and `replay.incomplete` when a resume could not replay everything missed. */
  onEvent: (event: ConversationEvent | ReplayIncompleteEvent, id: string) => void
  onStatus?: (status: StreamStatus) => void
  /**
   * Why the stream gave up for good (an `ApiError` for 401, 403 or 404), right after status `closed`.
   * Drops and server errors are not reported here: they are retried.
   */
  onError?: (error: Error) => void
}

export interface Subscription {
  close(): void
}

/** The headless client: typed calls of the visitor API plus the event stream. No DOM. */
export interface PaychatClient {
  readonly apiBase: string
  readonly widgetKey: string
  /** The session token in use, once `startSession` resolved (or `setSessionToken` was called). */
  readonly sessionToken: string | null
  setSessionToken(token: string | null): void
  startSession(body?: Omit<CreateSessionBody, 'widgetKey'>): Promise<SessionResponse>
  /** Identifies the visitor (`POST /v1/identify`); 401 `identity_invalid` when the hash is wrong. */
  identify(body: IdentifyBody): Promise<IdentifyResponse>
  listMessages(conversationId: string, page?: { before?: string; limit?: number }): Promise<MessagePage>
  sendMessage(conversationId: string, body: { clientId: string; text: string }): Promise<Message>
  getPaymentRequest(id: string): Promise<PaymentRequest>
  createCheckout(paymentRequestId: string, idempotencyKey: string): Promise<CheckoutSessionLink>
  declinePaymentRequest(id: string): Promise<PaymentRequest>
  /** A single-use code and the `wa.me` link that continues this conversation on WhatsApp. */
  requestWhatsAppHandoff(conversationId: string): Promise<WhatsAppHandoff>
  /** Opens the SSE stream; reconnects with backoff and resumes from the last id it saw. */
  subscribe(conversationId: string, options: SubscribeOptions): Subscription
}
