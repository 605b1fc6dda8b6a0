import ky, { isHTTPError, type KyInstance, type Options } from 'ky'
import {
  jitter,
  MAX_RETRY_AFTER,
  RETRIES,
  RETRY_AFTER_STATUS,
  RETRY_BACKOFF_LIMIT,
  RETRY_STATUS,
  retryAfterMs,
  TIMEOUT,
} from './retry-policy'

export interface HttpOptions {
  /** Origin and optional path prefix of the API; '' for the page's own origin. Paths are relative to it. */
  apiBase: string
  /** Per-attempt timeout in ms. */
  timeout?: number
  /** Retries of a call that is safe to repeat. */
  retries?: number
  /** Injected for tests and non-browser runtimes; otherwise ky uses the global `fetch` of the moment. */
  fetch?: typeof fetch
  /** Read before every request and every retry, so a renewed token is the one sent. */
  token?: () => string | null
}

/** What a call tells the `beforeRequest` hook (ky's `context`). */
export interface CallContext {
  /** `false` sends no bearer token (starting a session). */
  auth?: boolean
  /** Sent as `Idempotency-Key`, the same on every retry. */
  idempotencyKey?: string
}

/** ky's options for one call, with what the hooks read typed. */
export type CallOptions = Options & { context?: CallContext }

/**
 * ky retries only GETs on these instances; a POST joins when the server makes a repeat of it harmless
 * (a `clientId` or `Idempotency-Key` it has seen answers with the first result).
 */
export const SAFE_TO_REPEAT: Options = { retry: { methods: ['post'] } }

/**
 * The one ky instance of a Paychat API caller (the visitor's client, the checkout page, the operator
 * console): timeout per attempt, retries with backoff and jitter or the server's `Retry-After`, the
 * bearer token and `Idempotency-Key` set in `beforeRequest`. Failures come out as ky's errors; each
 * caller names them in its own terms (the client's in src/client/errors/from-ky.ts).
 */
export function createHttp(options: HttpOptions): KyInstance {
  return ky.create({
    // '' would make paths relative to the page's path; '/' keeps them on its origin.
    prefixUrl: options.apiBase || '/',
    timeout: options.timeout ?? TIMEOUT,
    fetch: options.fetch,
    // An answer read from a cache would show a card or a payment as it was, not as it is.
    cache: 'no-store',
    headers: { accept: 'application/json' },
    retry: {
      limit: options.retries ?? RETRIES,
      methods: ['get'],
      statusCodes: RETRY_STATUS,
      afterStatusCodes: RETRY_AFTER_STATUS,
      maxRetryAfter: MAX_RETRY_AFTER,
      backoffLimit: RETRY_BACKOFF_LIMIT,
      jitter,
      // ky would wait `maxRetryAfter` and try anyway; a server that asks for longer is not coming back soon.
      shouldRetry: ({ error }) => (isHTTPError(error) && tooLongToWait(error.response) ? false : undefined),
    },
    hooks: {
      beforeRequest: [
        (request, { context }) => {
          const { auth, idempotencyKey } = context as CallContext
          const token = auth === false ? null : options.token?.()
          if (token) request.headers.set('authorization', `Bearer ${token}`)
          if (idempotencyKey) request.headers.set('idempotency-key', idempotencyKey)
        },
      ],
    },
  })
}

const tooLongToWait = (response: Response) =>
  RETRY_AFTER_STATUS.includes(response.status) && (retryAfterMs(response.headers.get('retry-after')) ?? 0) > MAX_RETRY_AFTER
