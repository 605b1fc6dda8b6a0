import { describe, expect, test } from 'vitest'
import type { SessionResponse } from '../../../src/protocol/types'
import { networkOf } from '../../../src/server/client-ip'
import { createServerState, type ServerStateOptions } from '../../../src/server/index'
import { advanceClock, asOperator, call, checkout, send, share, startVisitor, useReferenceServer, type Answer } from './harness'

// Time moves only when a test moves the mock clock, so no bucket refills while a test runs.
const frozen = Date.now()
const state = useReferenceServer({ now: () => frozen })

type Visitor = Awaited<ReturnType<typeof startVisitor>>

/** `count` messages from `visitor`, each answer's status. */
async function burst(visitor: Visitor, count: number): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < count; i++) statuses.push((await send(visitor.token, visitor.conversationId, `m${i}`)).status)
  return statuses
}

function expectRateLimited(answer: Answer<unknown>, retryAfter: number) {
  expect(answer.status, answer.text).toBe(429)
  expect(answer.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/try again in \d+ seconds?\.$/i) })
  expect(answer.error?.message).toContain(`${retryAfter} second`)
  expect(answer.headers.get('retry-after')).toBe(String(retryAfter))
}

describe('per visitor session (defaults: 20 at once, then 1 a second)', () => {
  test('20 messages in a burst all go through; the 21st is 429 rate_limited with Retry-After: 1 and is not posted', async () => {
    const visitor = await startVisitor()
    expect(await burst(visitor, 20)).toEqual(Array(20).fill(201))
    const refused = await send(visitor.token, visitor.conversationId, 'one too many')
    expectRateLimited(refused, 1)
    expect(state.messages.get(visitor.conversationId)!.map((m) => m.text)).not.toContain('one too many')
  })

  test('the refusal tells a page on another origin when to retry: Retry-After is exposed by CORS', async () => {
    const visitor = await startVisitor()
    await burst(visitor, 20)
    const refused = await call('POST', `/v1/conversations/${visitor.conversationId}/messages`, {
      token: visitor.token,
      body: { clientId: 'c-x', text: 'hi' },
      headers: { origin: 'https://shop.example' },
    })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    expect(refused.headers.get('access-control-expose-headers')).toContain('Retry-After')
  })

  test('after Retry-After has passed on the mock clock it works again, and not a moment before', async () => {
    const visitor = await startVisitor()
    await burst(visitor, 20)
    expectRateLimited(await send(visitor.token, visitor.conversationId, 'early'), 1)
    await advanceClock(999)
    expect((await send(visitor.token, visitor.conversationId, 'still early')).status).toBe(429)
    await advanceClock(1)
    expect((await send(visitor.token, visitor.conversationId, 'on time')).status).toBe(201)
    // One second bought one call.
    expect((await send(visitor.token, visitor.conversationId, 'greedy')).status).toBe(429)
  })

  test('Retry-After counts the whole wait in seconds, rounded up', async () => {
    const visitor = await startVisitor()
    await burst(visitor, 20)
    await advanceClock(400)
    // 0.4 of a token back: 0.6 s to go, said as 1 s.
    expectRateLimited(await send(visitor.token, visitor.conversationId, 'x'), 1)
  })

  test('refused calls spend nothing: hammering while limited does not push the wait further', async () => {
    const visitor = await startVisitor()
    await burst(visitor, 20)
    for (let i = 0; i < 5; i++) expect((await send(visitor.token, visitor.conversationId, 'again')).status).toBe(429)
    await advanceClock(1000)
    expect((await send(visitor.token, visitor.conversationId, 'after a second')).status).toBe(201)
  })

  test("one session's limit does not touch another session's", async () => {
    const first = await startVisitor()
    const second = await startVisitor()
    await burst(first, 20)
    expect((await send(first.token, first.conversationId, 'x')).status).toBe(429)
    expect(await burst(second, 20)).toEqual(Array(20).fill(201))
  })

  test('every visitor call counts against the session: reading, streaming, paying and handing off are refused too', async () => {
    const visitor = await startVisitor()
    const card = await share(visitor.conversationId)
    await burst(visitor, 20)
    const conversation = `/v1/conversations/${visitor.conversationId}`
    const calls: Array<[string, string]> = [
      ['GET', `${conversation}/messages`],
      ['GET', `${conversation}/events`],
      ['POST', `${conversation}/handoff/whatsapp`],
      ['GET', `/v1/payment-requests/${card.id}`],
      ['POST', `/v1/payment-requests/${card.id}/decline`],
    ]
    for (const [method, path] of calls) {
      const answer = await call(method, path, { token: visitor.token })
      expect([method, path, answer.status, answer.error?.code]).toEqual([method, path, 429, 'rate_limited'])
    }
    expectRateLimited(await checkout(visitor.token, card.id), 1)
    expect(state.paymentRequests.get(card.id)!.status).toBe('pending')
  })

  test('a reset of the server forgets the buckets', async () => {
    const visitor = await startVisitor()
    await burst(visitor, 20)
    expect((await asOperator('POST', '/v1/mock/reset')).status).toBe(204)
    const again = await startVisitor()
    expect(await burst(again, 20)).toEqual(Array(20).fill(201))
  })
})

describe('per client address', () => {
  const from = (address: string) => ({ 'x-paychat-client-ip': address })

  /** A session started from `address`. */
  async function startFrom(address: string) {
    const answer = await call<Partial<SessionResponse>>('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo' }, headers: from(address) })
    return { answer, token: answer.body.session?.token, conversationId: answer.body.conversation?.id }
  }

  const sendFrom = (address: string, visitor: { token?: string; conversationId?: string }, text: string) =>
    call('POST', `/v1/conversations/${visitor.conversationId}/messages`, {
      token: visitor.token!,
      body: { clientId: crypto.randomUUID(), text },
      headers: from(address),
    })

  test('by default allows 300 calls at once (15 sessions started, 19 messages each), then 429 on every session of it and for new ones, and not for other addresses', async () => {
    const sessions = []
    for (let i = 0; i < 15; i++) sessions.push(await startFrom('203.0.113.7'))
    for (const visitor of sessions) {
      for (let i = 0; i < 19; i++) expect((await sendFrom('203.0.113.7', visitor, `m${i}`)).status).toBe(201)
    }
    // Each session still has a call of its own left: the address is what refuses.
    const refused = await sendFrom('203.0.113.7', sessions[0]!, 'one too many')
    expectRateLimited(refused, 1)
    expect(refused.error?.message).toContain('network address')
    expect((await startFrom('203.0.113.7')).answer.status).toBe(429)

    const elsewhere = await startFrom('198.51.100.1')
    expect(elsewhere.answer.status).toBe(201)
    expect((await sendFrom('198.51.100.1', elsewhere, 'hi')).status).toBe(201)
  })
})

describe('configuration', () => {
  test.each<[string, ServerStateOptions['rateLimits']]>([
    ['a capacity of 0', { perSession: { capacity: 0, refillPerSecond: 1 } }],
    ['a fractional capacity', { perIp: { capacity: 1.5, refillPerSecond: 1 } }],
    ['no refill', { perSession: { capacity: 5, refillPerSecond: 0 } }],
  ])('%s is refused when the server is created', (_case, rateLimits) => {
    expect(() => createServerState({ rateLimits })).toThrow(/rate limit/i)
  })
})

describe('networkOf', () => {
  test.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::1', '0:0:0:0::/64'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['2001:0db8:0001:0002:0:0:1.2.3.4', '2001:db8:1:2::/64'],
    ['not an address', 'not an address'],
  ])('%s counts as %s', (address, key) => {
    expect(networkOf(address)).toBe(key)
  })

  test('two addresses of one IPv6 /64 share a bucket', () => {
    expect(networkOf('2001:db8:1:2::a')).toBe(networkOf('2001:db8:1:2:ffff::b'))
    expect(networkOf('2001:db8:1:2::a')).not.toBe(networkOf('2001:db8:1:3::a'))
  })
})
