import { afterEach, describe, expect, test } from 'vitest'
import { createClient } from '../../../src/client/index'
import { errorBody, json, scriptServer, type ScriptServer } from './script-server'

let server: ScriptServer | undefined
afterEach(() => server?.close())

const session = {
  session: { token: 'st_1', visitorId: 'vis_1', resumed: false },
  brand: {},
  conversation: { id: 'conv_1' },
}

/** Answers `failures` in turn, then `ok`. */
async function flaky(failures: Array<[number, Record<string, string>?]>, ok: unknown = { ok: true }) {
  server = await scriptServer((res, _request, index) => {
    const failure = failures[index]
    if (failure) json(res, failure[0], errorBody('boom', 'Try later.'), failure[1])
    else json(res, 200, ok)
  })
  return createClient({ apiBase: server.url, widgetKey: 'wk_demo' })
}

describe('retries of idempotent calls', () => {
  test.each([408, 429, 500, 502, 503, 504])('a GET answered %i is retried and then succeeds', async (status) => {
    const client = await flaky([[status]])
    await expect(client.getPaymentRequest('pr_1')).resolves.toEqual({ ok: true })
    expect(server?.seen).toHaveLength(2)
  })

  test('a message POST is retried with the same clientId and text', async () => {
    const client = await flaky([[503], [500]])
    await client.sendMessage('conv_1', { clientId: 'c_1', text: 'hello' })
    expect(server?.seen.map((r) => r.method)).toEqual(['POST', 'POST', 'POST'])
    expect(new Set(server?.seen.map((r) => r.body))).toEqual(new Set(['{"clientId":"c_1","text":"hello"}']))
  })

  test('a checkout POST is retried with the same Idempotency-Key', async () => {
    const client = await flaky([[502]])
    await client.createCheckout('pr_1', 'key_1')
    expect(server?.seen.map((r) => r.headers['idempotency-key'])).toEqual(['key_1', 'key_1'])
  })

  test('a decline POST is retried, since the server answers a repeat with the same result', async () => {
    const client = await flaky([[503]])
    await client.declinePaymentRequest('pr_1')
    expect(server?.seen).toHaveLength(2)
  })

  test('after `retries` retries the last error surfaces', async () => {
    server = await scriptServer((res) => json(res, 503, errorBody('unavailable', 'Down for a moment.')))
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo', retries: 1 })
    await expect(client.getPaymentRequest('pr_1')).rejects.toMatchObject({ status: 503, code: 'unavailable' })
    expect(server.seen).toHaveLength(2)
  })

  test('a dropped connection is retried like a 5xx', async () => {
    server = await scriptServer((res, _request, index) => {
      if (index === 0) res.socket?.destroy()
      else json(res, 200, { ok: true })
    })
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo' })
    await expect(client.getPaymentRequest('pr_1')).resolves.toEqual({ ok: true })
    expect(server.seen).toHaveLength(2)
  })

  test('retries back off: the second retry waits longer than the first', async () => {
    const client = await flaky([[503], [503]])
    await client.getPaymentRequest('pr_1')
    const [a, b, c] = server!.seen.map((r) => r.at)
    // 300 ms then 600 ms, each jittered down to no less than half.
    expect(b! - a!).toBeGreaterThanOrEqual(140)
    expect(c! - b!).toBeGreaterThanOrEqual(290)
  })
})

describe('what is not retried', () => {
  test('starting a session is not retried: a repeat could open a second conversation', async () => {
    const client = await flaky([[503]], session)
    await expect(client.startSession()).rejects.toMatchObject({ status: 503 })
    expect(server?.seen).toHaveLength(1)
  })

  test('a POST the server does not make idempotent is not retried, not even after a dropped connection', async () => {
    server = await scriptServer((res, _request, index) => {
      if (index === 0) res.socket?.destroy()
      else json(res, 503, errorBody('unavailable', 'Down.'))
    })
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo' })
    client.setSessionToken('st_1')
    await expect(client.requestWhatsAppHandoff('conv_1')).rejects.toMatchObject({ name: 'NetworkError', method: 'POST' })
    await expect(client.requestWhatsAppHandoff('conv_1')).rejects.toMatchObject({ name: 'ApiError', status: 503 })
    expect(server.seen.map((r) => r.method)).toEqual(['POST', 'POST'])
  })

  test('a timeout is not retried, even of a POST that is safe to repeat', async () => {
    server = await scriptServer(() => {
      // Never answers.
    })
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo', timeout: 100 })
    await expect(client.sendMessage('conv_1', { clientId: 'c_1', text: 'hi' })).rejects.toMatchObject({
      name: 'TimeoutError',
      method: 'POST',
      timeout: 100,
    })
    expect(server.seen).toHaveLength(1)
  })

  test.each([400, 401, 403, 404, 409, 413, 422])('a %i answer is not retried', async (status) => {
    const client = await flaky([[status]])
    await expect(client.getPaymentRequest('pr_1')).rejects.toMatchObject({ status })
    expect(server?.seen).toHaveLength(1)
  })
})

describe('Retry-After', () => {
  test('a 429 with Retry-After: 1 waits that second before the retry', async () => {
    const client = await flaky([[429, { 'retry-after': '1' }]])
    await client.getPaymentRequest('pr_1')
    const [first, second] = server!.seen.map((r) => r.at)
    expect(second! - first!).toBeGreaterThanOrEqual(950)
  })

  test('a GET answered 503 with Retry-After: 1 waits that second, then succeeds', async () => {
    const client = await flaky([[503, { 'retry-after': '1' }]])
    await expect(client.getPaymentRequest('pr_1')).resolves.toEqual({ ok: true })
    const [first, second] = server!.seen.map((r) => r.at)
    expect(second! - first!).toBeGreaterThanOrEqual(950)
  })

  test('the last answer\'s Retry-After is on the ApiError, for the caller to wait on', async () => {
    const client = await flaky([[429, { 'retry-after': '3600' }]])
    await expect(client.getPaymentRequest('pr_1')).rejects.toMatchObject({ status: 429, retryAfterMs: 3_600_000 })
  })

  test('a 503 with Retry-After as an HTTP date waits until then', async () => {
    const client = await flaky([[503, { 'retry-after': new Date(Date.now() + 1_500).toUTCString() }]])
    await client.getPaymentRequest('pr_1')
    const [first, second] = server!.seen.map((r) => r.at)
    // HTTP dates have whole seconds, so the wait is between 0.5 s and 1.5 s.
    expect(second! - first!).toBeGreaterThanOrEqual(450)
  })

  test('a Retry-After longer than a visitor should wait gives up at once', async () => {
    const client = await flaky([[429, { 'retry-after': '3600' }]])
    const started = Date.now()
    await expect(client.getPaymentRequest('pr_1')).rejects.toMatchObject({ status: 429 })
    expect(server?.seen).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})

describe('session token', () => {
  test('startSession sends the widget key without auth; later calls carry the bearer token', async () => {
    server = await scriptServer((res, request) => json(res, request.url === '/v1/sessions' ? 201 : 200, session))
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo' })
    await client.startSession({ sessionToken: 'st_old', locale: 'ja' })
    await client.getPaymentRequest('pr_1')

    const [start, get] = server.seen
    expect(JSON.parse(start!.body)).toEqual({ sessionToken: 'st_old', locale: 'ja', widgetKey: 'wk_demo' })
    expect(start!.headers.authorization).toBeUndefined()
    expect(start!.headers['content-type']).toBe('application/json')
    expect(get!.headers.authorization).toBe('Bearer st_1')
    expect(client.sessionToken).toBe('st_1')
  })

  test('startSession sends no token even when the client holds one', async () => {
    server = await scriptServer((res) => json(res, 201, session))
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo' })
    client.setSessionToken('st_old')
    await client.startSession()
    expect(server.seen[0]?.headers.authorization).toBeUndefined()
  })

  test('the token is read at every attempt: a retry carries the one renewed meanwhile', async () => {
    server = await scriptServer((res, _request, index) => {
      if (index === 0) {
        client.setSessionToken('st_2')
        json(res, 503, errorBody('unavailable', 'Down.'))
      } else json(res, 200, { ok: true })
    })
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo' })
    client.setSessionToken('st_1')
    await client.getPaymentRequest('pr_1')
    expect(server.seen.map((r) => r.headers.authorization)).toEqual(['Bearer st_1', 'Bearer st_2'])
  })

  test('createCheckout sends its Idempotency-Key with the bearer token; other calls send no key', async () => {
    server = await scriptServer((res) => json(res, 200, { ok: true }))
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo' })
    client.setSessionToken('st_1')
    await client.createCheckout('pr_1', 'key_1')
    await client.declinePaymentRequest('pr_1')
    const [checkout, decline] = server.seen
    expect(checkout!.headers).toMatchObject({ 'idempotency-key': 'key_1', authorization: 'Bearer st_1', accept: 'application/json' })
    expect(decline!.headers['idempotency-key']).toBeUndefined()
  })

  test('listMessages passes before and limit as query parameters', async () => {
    server = await scriptServer((res) => json(res, 200, { messages: [], hasMore: false, lastEventId: null }))
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo' })
    await client.listMessages('conv_1', { before: 'msg_9', limit: 20 })
    await client.listMessages('conv_1')
    expect(server.seen.map((r) => r.url)).toEqual([
      '/v1/conversations/conv_1/messages?before=msg_9&limit=20',
      '/v1/conversations/conv_1/messages',
    ])
  })
})
