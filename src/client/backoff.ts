/**
 * "Equal jitter": half the delay is fixed, half random, so clients that lost the server together do not
 * all come back in the same millisecond, yet none retries at once.
 */
export const jitter = (delay: number): number => delay / 2 + (Math.random() * delay) / 2

/** Delay before reconnect number `attempt` (0 first): `base` doubled per attempt, capped at `max`, jittered. */
export const backoff = (attempt: number, base: number, max: number): number =>
  jitter(Math.min(max, base * 2 ** attempt))

/** `Retry-After` as milliseconds from now (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null): number | null {
  if (!header) return null
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now()
  return Number.isNaN(ms) ? null : Math.max(0, ms)
}
