import { describe, expect, test } from 'vitest'
import { DEFAULT_RATE_LIMITS } from '../../src/server/rate-limit'
import { openEventStream } from '../unit/reference-server/event-stream'
import { call, OPERATOR_TOKEN, startVisitor, useReferenceServer } from '../unit/reference-server/harness'

/**
 * Finding 12, operator half: the operator routes had no rate limit, so a leaked or scripted token could
 * hammer the API without end. Now each operator token has a bucket of its own: 429 `rate_limited` with
 * `Retry-After` past it, and a server made for a benchmark can lift it.
 */
// Time moves only when a test moves the clock, so no bucket refills while a test runs.
let now = Date.now()
const state = useReferenceServer({ now: () => now })

const LUCIA = 'agent_lucia_demo'
const defaults = DEFAULT_RATE_LIMITS.perOperator
const capacity = defaults ? defaults.capacity : Number.NaN

const list = (token: string) => call('GET', '/v1/operator/conversations', { token })

async function burst(token: string, count: number): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < count; i++) statuses.push((await list(token)).status)
  return statuses
}

describe('per operator token', () => {
  test('the default allows a burst far above a person at the console, then answers 429 rate_limited with Retry-After', async () => {
    expect(capacity).toBeGreaterThanOrEqual(100)
    expect(await burst(LUCIA, capacity)).toEqual(Array(capacity).fill(200))
    const refused = await list(LUCIA)
    expect([refused.status, refused.error?.code]).toEqual([429, 'rate_limited'])
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(refused.error?.message).toMatch(/^Too many requests from this operator token\. Try again in \d+ seconds?\.$/)
  })

  test('a refused write changes nothing', async () => {
    const visitor = await startVisitor('wk_sakura')
    await burst(LUCIA, capacity)
    const refused = await call('POST', `/v1/operator/conversations/${visitor.conversationId}/messages`, { token: LUCIA, body: { text: 'too many' } })
    expect(refused.status).toBe(429)
    expect(state.messages.get(visitor.conversationId)!.map((m) => m.text)).not.toContain('too many')
  })

  test("one token's limit does not touch another's, and it works again once Retry-After has passed", async () => {
    await burst(LUCIA, capacity)
    const refused = await list(LUCIA)
    expect(refused.status).toBe(429)
    expect((await list(OPERATOR_TOKEN)).status).toBe(200)
    expect((await list('agent_kenji_demo')).status).toBe(200)
    now += Number(refused.headers.get('retry-after')) * 1000
    expect((await list(LUCIA)).status).toBe(200)
  })

  test('the operator event stream is counted when it is opened', async () => {
    await burst(LUCIA, capacity)
    const stream = await openEventStream('http://paychat.test/v1/operator/events', { authorization: `Bearer ${LUCIA}` })
    expect(stream.response.status).toBe(429)
    stream.close()
  })

  test('an unknown token is 401 before any bucket is touched', async () => {
    for (let i = 0; i < 3; i++) expect((await list('op_guess')).status).toBe(401)
  })
})

describe('configurable', () => {
  test('createServerState({ rateLimits: { perOperator: false } }) lifts it, and a smaller bucket is taken', async () => {
    const { createServerState } = await import('../../src/server/index')
    const lifted = createServerState({ rateLimits: { perOperator: false } })
    const admit = (s: typeof lifted) => {
      try {
        s.rateLimits.admitOperator('op_lucia')
        return true
      } catch {
        return false
      }
    }
    for (let i = 0; i < capacity + 10; i++) expect(admit(lifted)).toBe(true)
    const small = createServerState({ rateLimits: { perOperator: { capacity: 2, refillPerSecond: 1 } } })
    expect([admit(small), admit(small), admit(small)]).toEqual([true, true, false])
    const off = createServerState({ rateLimits: false })
    for (let i = 0; i < capacity + 10; i++) expect(admit(off)).toBe(true)
  })
})
