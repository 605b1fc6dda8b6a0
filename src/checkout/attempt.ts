import type { CheckoutApiError } from './checkout-api'
import type { CheckoutHost } from './host'

/**
 * A fresh Idempotency-Key: 128 random bits as decimal digits. `getRandomValues`, unlike `randomUUID`,
 * also exists on pages served over http:.
 */
export const newAttemptKey = () => crypto.getRandomValues(new Uint32Array(4)).join('')

/**
 * Sends one payment attempt (a card or wallet pay, a part of a split, an extra payment, the answer to
 * the bank's step) under a key made for it. When it went unanswered (the connection broke, or the
 * first try is still being worked on) it is sent again a second later with the same key: the server
 * then gives the first try's answer instead of charging a second time.
 */
export async function sendAttempt<T>(send: (idempotencyKey: string) => Promise<T>, host: Pick<CheckoutHost, 'after'>): Promise<T> {
  const key = newAttemptKey()
  try {
    return await send(key)
  } catch (error) {
    if (!['network_error', 'idempotency_in_progress'].includes((error as CheckoutApiError).code)) throw error
    await new Promise((resume) => host.after(1000, () => resume(null)))
    return send(key)
  }
}
