import { ApiFailure } from './api-error'
import { clientIp } from './client-ip'
import type { Clock } from './clock'

/** A token bucket: `capacity` calls at once, then `refillPerSecond` calls a second. */
export interface BucketSettings {
  capacity: number
  refillPerSecond: number
}

export interface RateLimitSettings {
  /** Per visitor session (its token), on every visitor call made with one. */
  perSession: BucketSettings | false
  /** Per client network address, on every visitor call including `POST /v1/sessions`. */
  perIp: BucketSettings | false
  /** Per operator token, on every call to the operator API (`/v1/operator/*`). */
  perOperator: BucketSettings | false
  /** Per client network address, on paying at checkout (`POST /v1/checkout/sessions/{id}/pay`). */
  payPerIp: BucketSettings | false
}

/** `false` turns rate limiting off; a partial object replaces only the buckets it names. */
export type RateLimitOptions = Partial<RateLimitSettings> | false

/**
 * Far above a person chatting: the widget makes a handful of calls when it opens and one per message,
 * so 20 at once and one a second after that is never reached by hand, only by a script. An address is
 * shared by everyone behind one office or carrier NAT, so it gets the bursts of 15 sessions and the
 * steady pace of 10 fast typists. The console makes half a dozen calls when it opens and three per
 * conversation opened, so an operator gets the burst of opening 60 conversations at once and 5 calls a
 * second after that: a person clicking never meets it, a script working through a leaked token does.
 * Paying is slower still: a person tries a card or two, so 20 at once and one every 2 seconds after
 * that leaves a whole office paying and stops a card-testing script.
 */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  perSession: { capacity: 20, refillPerSecond: 1 },
  perIp: { capacity: 300, refillPerSecond: 10 },
  perOperator: { capacity: 200, refillPerSecond: 5 },
  payPerIp: { capacity: 20, refillPerSecond: 0.5 },
}

/** Past this many remembered callers, the ones whose bucket has refilled (as good as new) are dropped. */
const PRUNE_ABOVE = 10_000

interface Bucket {
  tokens: number
  /** When `tokens` was last brought up to date (server clock, ms). */
  at: number
}

/** One bucket per key (a session or an address), each refilling with the server's clock. */
class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly settings: BucketSettings,
    /** How a refusal reads: "Too many requests from <what>." */
    readonly what: string,
  ) {
    const { capacity, refillPerSecond } = settings
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`Rate limit capacity must be a whole number >= 1, not ${capacity}.`)
    if (!(refillPerSecond > 0) || !Number.isFinite(refillPerSecond)) {
      throw new Error(`Rate limit refillPerSecond must be a positive number, not ${refillPerSecond}.`)
    }
  }

  /** The bucket of `key` refilled up to `now`. */
  private current(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key)
    if (!bucket) return { tokens: this.settings.capacity, at: now }
    // A clock that went back (the mock clock reset) refills nothing rather than draining.
    const elapsed = Math.max(0, now - bucket.at)
    return { tokens: Math.min(this.settings.capacity, bucket.tokens + (elapsed / 1000) * this.settings.refillPerSecond), at: now }
  }

  /** How long until `key` may make one more call: 0 when it may now. */
  waitMs(key: string, now: number): number {
    const { tokens } = this.current(key, now)
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / this.settings.refillPerSecond) * 1000)
  }

  take(key: string, now: number): void {
    const bucket = this.current(key, now)
    this.buckets.set(key, { tokens: bucket.tokens - 1, at: now })
    if (this.buckets.size > PRUNE_ABOVE) this.prune(now)
  }

  private prune(now: number): void {
    for (const key of this.buckets.keys()) {
      if (this.current(key, now).tokens >= this.settings.capacity) this.buckets.delete(key)
    }
  }

  clear(): void {
    this.buckets.clear()
  }
}

/** 429 with the wait in whole seconds, rounded up so a client that waits exactly that long gets through. */
export class RateLimited extends ApiFailure {
  override readonly headers: Record<string, string>

  constructor(what: string, readonly retryAfterSeconds: number) {
    const wait = retryAfterSeconds === 1 ? '1 second' : `${retryAfterSeconds} seconds`
    super(429, 'rate_limited', `Too many requests from ${what}. Try again in ${wait}.`)
    this.headers = { 'retry-after': String(retryAfterSeconds) }
  }
}

export interface RateLimiter {
  /**
   * Lets one call through, spending a token of the caller's address bucket and, when the call is made
   * with a session, of that session's bucket; or spends nothing and throws 429 `rate_limited`.
   */
  admit(request: Request, sessionKey?: string): void
  /** Lets one operator API call through, spending a token of that operator's bucket, or throws 429 `rate_limited`. */
  admitOperator(operatorId: string): void
  /** Lets one checkout pay through, spending a token of the caller's address bucket for paying; or throws 429 `rate_limited`. */
  admitPay(request: Request): void
  /** Forgets every bucket (a reset of the server). */
  clear(): void
}

export function createRateLimiter(options: RateLimitOptions | undefined, clock: Clock): RateLimiter {
  const settings: RateLimitSettings =
    options === false
      ? { perSession: false, perIp: false, perOperator: false, payPerIp: false }
      : {
          perSession: options?.perSession ?? DEFAULT_RATE_LIMITS.perSession,
          perIp: options?.perIp ?? DEFAULT_RATE_LIMITS.perIp,
          perOperator: options?.perOperator ?? DEFAULT_RATE_LIMITS.perOperator,
          payPerIp: options?.payPerIp ?? DEFAULT_RATE_LIMITS.payPerIp,
        }
  const perSession = settings.perSession && new TokenBuckets(settings.perSession, 'this chat session')
  const perIp = settings.perIp && new TokenBuckets(settings.perIp, 'your network address')
  const perOperator = settings.perOperator && new TokenBuckets(settings.perOperator, 'this operator token')
  const payPerIp = settings.payPerIp && new TokenBuckets(settings.payPerIp, 'your network address')

  /** Takes a token from each bucket, all or nothing: a call refused by one bucket must not use up the others. */
  function draw(draws: Array<[TokenBuckets, string]>): void {
    const now = clock.now()
    let refusal: { buckets: TokenBuckets; waitMs: number } | null = null
    for (const [buckets, key] of draws) {
      const waitMs = buckets.waitMs(key, now)
      if (waitMs > (refusal?.waitMs ?? 0)) refusal = { buckets, waitMs }
    }
    if (refusal) throw new RateLimited(refusal.buckets.what, Math.max(1, Math.ceil(refusal.waitMs / 1000)))
    for (const [buckets, key] of draws) buckets.take(key, now)
  }

  return {
    admit(request, sessionKey) {
      const draws: Array<[TokenBuckets, string]> = []
      if (perIp) draws.push([perIp, clientIp(request)])
      if (perSession && sessionKey !== undefined) draws.push([perSession, sessionKey])
      draw(draws)
    },
    admitPay(request) {
      if (payPerIp) draw([[payPerIp, clientIp(request)]])
    },
    admitOperator(operatorId) {
      if (perOperator) draw([[perOperator, operatorId]])
    },
    clear() {
      for (const buckets of [perSession, perIp, perOperator, payPerIp]) if (buckets) buckets.clear()
    },
  }
}
