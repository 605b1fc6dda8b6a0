import { isApiError, isNetworkError, isTimeoutError } from '../client/index'

/**
 * Why something did not happen, as data, never as a sentence: the widget says it in the visitor's
 * language (src/widget/error-text.ts), a headless app in its own words.
 */
export type ChatError =
  /** No answer at all: the visitor is offline, or the chat service cannot be reached. */
  | { code: 'offline' }
  /** No answer in time. */
  | { code: 'timeout' }
  /** The server refused (4xx) or failed (5xx): its status and its stable code, not its English sentence. */
  | { code: 'server'; status: number; serverCode: string }
  /** A message did not go out; `retryable`: it waits in the outbox and goes by itself later. */
  | { code: 'send_failed'; retryable: boolean }
  /** Nothing more is known than what failed. */
  | { code: 'start_failed' | 'older_failed' | 'checkout_failed' | 'decline_failed' | 'handoff_failed' }
  /** The server's link leads somewhere the widget will not send the visitor. */
  | { code: 'unsafe_checkout_link' | 'unsafe_whatsapp_link' }
  /** Asked before the chat has a conversation. */
  | { code: 'not_started' }

export type ChatErrorCode = ChatError['code']

/** Something the visitor should know about the chat itself: the server lost it, and a new one began. */
export interface ChatNotice {
  code: 'conversation_restarted'
}

/** What `checkout` and `continueOnWhatsApp` reject with: `reason` says why, `cause` is the client's error. */
export class ChatFailure extends Error {
  override readonly name = 'ChatFailure'
  constructor(
    readonly reason: ChatError,
    cause?: unknown,
  ) {
    super(reason.code, { cause })
  }
}

/** The client's error as a code with its data; `fallback` when it is none the client knows. */
export function toChatError(error: unknown, fallback: ChatError): ChatError {
  if (isApiError(error)) return { code: 'server', status: error.status, serverCode: error.code }
  if (isNetworkError(error)) return { code: 'offline' }
  return isTimeoutError(error) ? { code: 'timeout' } : fallback
}

/** A 4xx that sending again will not change (too long, not allowed...); the visitor edits or deletes. */
export function isRefusal(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500 && ![401, 404, 408, 425, 429].includes(error.status)
}

/** The server does not know this session or conversation any more. */
export function isSessionLost(error: unknown): boolean {
  return isApiError(error) && (error.status === 401 || (error.status === 404 && error.code === 'not_found'))
}
