/** Per-attempt timeout in ms. */
export const TIMEOUT = 15_000
/** Retries of a call that is safe to repeat, after a network error, 408, 429 or 5xx. */
export const RETRIES = 2
/** Status codes worth retrying: the request may succeed later (ky's list without 413, which will not). */
export const RETRY_STATUS = [408, 429, 500, 502, 503, 504]
/** The statuses whose `Retry-After` is obeyed (ky's `afterStatusCodes`, again without 413). */
export const RETRY_AFTER_STATUS = [429, 503]
/** A `Retry-After` longer than this gives up instead: the visitor should not wait on a spinner that long. */
export const MAX_RETRY_AFTER = 20_000
/** Upper bound of one retry's backoff (ky's default delay is 300 ms, doubled per retry). */
export const RETRY_BACKOFF_LIMIT = 5_000

/**
 * "Equal jitter": half the delay is fixed, half random, so clients that lost the server together do not
 * all come back in the same millisecond, yet none retries at once.
 */
export const jitter = (delay: number): number => delay / 2 + (Math.random() * delay) / 2

/** `Retry-After` as milliseconds from now (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null): number | null {
  if (!header) return null
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now()
  return Number.isNaN(ms) ? null : Math.max(0, ms)
}
