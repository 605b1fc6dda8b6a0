import { ApiFailure } from './api-error'
import type { Clock } from './clock'

/** How long a key's answer is kept: a client retrying within a day gets the first answer back. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000

interface Remembered<T> {
  /** What the key was first used for; the same key for anything else is refused. */
  fingerprint: string
  answer: T
  expiresAt: number
}

/** A claim on a key while its call is being worked on; `release` it in a `finally`. */
export interface IdempotencyClaim<T> {
  /**
   * The answer the key already got when `fingerprint` matches, 422 `idempotency_mismatch` when it does
   * not, or else `run` once and its answer remembered. A `run` that throws is not remembered: it was
   * refused before doing anything, so doing it again is safe and gives the client a current answer.
   */
  complete(fingerprint: string, run: () => T): T
  /** `complete` for a call that waits (a webhook, a gateway): the key stays claimed until it settles. */
  completeAsync(fingerprint: string, run: () => Promise<T>): Promise<T>
  release(): void
}

/**
 * `Idempotency-Key` handling for one endpoint: a key is held for 24 h; reused with another request it
 * is 422; while the first call with it is still running (its body still arriving), a duplicate is 409
 * `idempotency_in_progress` rather than a second charge. Keys are scoped by the caller (see uses).
 */
export class IdempotencyStore<T> {
  private readonly remembered = new Map<string, Remembered<T>>()
  private readonly inFlight = new Set<string>()

  constructor(private readonly clock: Clock) {}

  /** Claims `key`. Synchronous, so it must run before the call's first `await`. */
  begin(key: string): IdempotencyClaim<T> {
    this.forgetExpired()
    if (this.inFlight.has(key)) {
      throw new ApiFailure(
        409,
        'idempotency_in_progress',
        'A request with this Idempotency-Key is still being processed. Wait for its answer, then retry with the same key.',
      )
    }
    this.inFlight.add(key)
    let held = true
    const seen = (fingerprint: string) => {
      const entry = this.remembered.get(key)
      if (entry && entry.fingerprint !== fingerprint) {
        throw new ApiFailure(
          422,
          'idempotency_mismatch',
          'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        )
      }
      return entry
    }
    const remember = (fingerprint: string, answer: T) => {
      this.remembered.set(key, { fingerprint, answer, expiresAt: this.clock.now() + IDEMPOTENCY_TTL_MS })
      return answer
    }
    return {
      complete: (fingerprint, run) => {
        const entry = seen(fingerprint)
        return entry ? entry.answer : remember(fingerprint, run())
      },
      completeAsync: async (fingerprint, run) => {
        const entry = seen(fingerprint)
        return entry ? entry.answer : remember(fingerprint, await run())
      },
      release: () => {
        if (held) this.inFlight.delete(key)
        held = false
      },
    }
  }

  /** `begin`, `complete` and `release` for a call with nothing to wait for in between. */
  once(key: string, fingerprint: string, run: () => T): T {
    const claim = this.begin(key)
    try {
      return claim.complete(fingerprint, run)
    } finally {
      claim.release()
    }
  }

  /** Forgets every key (a reset of the server); calls still running keep their claim until they end. */
  clear(): void {
    this.remembered.clear()
  }

  // A full pass per call: the reference server keeps few keys, and this bounds memory to a day of them.
  private forgetExpired(): void {
    const now = this.clock.now()
    for (const [key, entry] of this.remembered) if (entry.expiresAt <= now) this.remembered.delete(key)
  }
}

/**
 * A fingerprint of request data that must not be kept as it is (a card number): HMAC-SHA-256 under a
 * key made at start-up and never exported, so what is kept cannot be turned back into the number by
 * trying every candidate.
 */
export function secretFingerprinter(): (parts: readonly unknown[]) => Promise<string> {
  let key: Promise<CryptoKey> | undefined
  return async (parts) => {
    key ??= crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    const mac = await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(JSON.stringify(parts)))
    return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('')
  }
}
