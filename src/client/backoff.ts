import { jitter } from '../http/retry-policy'

/** Delay before reconnect number `attempt` (0 first): `base` doubled per attempt, capped at `max`, jittered. */
export const backoff = (attempt: number, base: number, max: number): number =>
  jitter(Math.min(max, base * 2 ** attempt))
