import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { http, HttpResponse, type RequestHandler } from 'msw'
import { afterEach, describe, expect, test } from 'vitest'
import type { SessionResponse } from '../../../src/protocol/types'
import { createServerState, type ServerState } from '../../../src/server/index'
import { createNodeServer } from '../../../src/server/node'
import { apiAt } from './harness'

// Time moves only when a test moves the mock clock, so no bucket refills while a test runs.
const frozen = Date.now()
const running: Server[] = []

afterEach(async () => {
  for (const server of running.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** The reference server on a real port, with the harness's calls against it. */
async function serve(options: { state?: ServerState; handlers?: RequestHandler[] }) {
  const server = createNodeServer(options)
  running.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return apiAt(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
}

type Api = Awaited<ReturnType<typeof serve>>

async function statusesOf(api: Api, visitor: { token: string; conversationId: string }, count: number): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < count; i++) statuses.push((await api.send(visitor.token, visitor.conversationId, `m${i}`)).status)
  return statuses
}

/** A different made-up x-paychat-client-ip on every call. */
let spoofed = 0
const spoof = () => ({ 'x-paychat-client-ip': `198.51.100.${++spoofed % 250}` })

describe('the client address', () => {
  test('the handlers get the socket address, never the x-paychat-client-ip the client sent', async () => {
    const echo = http.all('*/v1/echo', ({ request }) => HttpResponse.text(request.headers.get('x-paychat-client-ip')))
    const api = await serve({ handlers: [echo] })
    expect((await api.call('GET', '/v1/echo')).text).toBe('127.0.0.1')
    expect((await api.call('GET', '/v1/echo', { headers: { 'x-paychat-client-ip': '203.0.113.9' } })).text).toBe('127.0.0.1')
  })

  test('the per-address limit spans every session of one client, whatever address it claims to have', async () => {
    const state = createServerState({ now: () => frozen, rateLimits: { perSession: false, perIp: { capacity: 4, refillPerSecond: 1 } } })
    const api = await serve({ state })
    const start = () => api.call<SessionResponse>('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo' }, headers: spoof() })
    const sendAs = (session: SessionResponse) =>
      api.call('POST', `/v1/conversations/${session.conversation.id}/messages`, {
        token: session.session.token,
        body: { clientId: crypto.randomUUID(), text: 'hi' },
        headers: spoof(),
      })
    const first = await start()
    const second = await start()
    expect([first.status, second.status]).toEqual([201, 201])
    expect((await sendAs(first.body)).status).toBe(201)
    expect((await sendAs(second.body)).status).toBe(201)

    const refused = await sendAs(first.body)
    expect([refused.status, refused.error?.code, refused.headers.get('retry-after')]).toEqual([429, 'rate_limited', '1'])
    expect((await start()).status).toBe(429)
  })
})

describe('configuration', () => {
  test('a call refused for its session does not use up its address allowance', async () => {
    const state = createServerState({
      now: () => frozen,
      rateLimits: { perSession: { capacity: 2, refillPerSecond: 1 }, perIp: { capacity: 6, refillPerSecond: 1 } },
    })
    const api = await serve({ state })
    const a = await api.startVisitor()
    const b = await api.startVisitor()
    // 2 of the address's 6 spent; a spends 2 more, then is refused 3 times for its session.
    expect(await statusesOf(api, a, 5)).toEqual([201, 201, 429, 429, 429])
    // Those refusals cost the address nothing: b still has its last 2.
    expect(await statusesOf(api, b, 3)).toEqual([201, 201, 429])
  })

  test('rateLimits: false turns them off', async () => {
    const api = await serve({ state: createServerState({ now: () => frozen, rateLimits: false }) })
    const visitor = await api.startVisitor()
    expect(await statusesOf(api, visitor, 30)).toEqual(Array(30).fill(201))
  })
})
