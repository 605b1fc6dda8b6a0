import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { createServerState } from '../../../src/server/index'
import { createNodeServer } from '../../../src/server/node'
import { closeAllStreams } from './event-stream'
import { apiAt, card, trackListeners } from './harness'

/** A build output laid out like `dist/`, with decoys just outside `widget/` and `app/`. */
const FILES: Record<string, string> = {
  'dist/app/demo/index.html': '<title>demo shop</title>',
  'dist/app/demo/sakura.html': '<title>sakura shop</title>',
  'dist/app/demo/operator/index.html': '<title>operator console</title>',
  'dist/app/src/checkout/index.html': '<title>hosted checkout</title>',
  'dist/widget/paychat.js': 'console.log("paychat loader")',
  'dist/app/assets/x.js': 'export const x = 1',
  'dist/app/assets/site.css': 'body{}',
  'dist/package.json': '{"decoy":"inside the root, outside widget/ and app/"}',
  'package.json': '{"decoy":"outside the root"}',
  'secret.txt': 'DECOY outside the root',
}

let dir: string
let server: Server
let base: string
const state = createServerState()
let api: ReturnType<typeof apiAt>

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paychat-node-'))
  for (const [path, content] of Object.entries(FILES)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), content)
  }
  server = createNodeServer({ state, staticRoot: join(dir, 'dist') })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  api = apiAt(base)
})
afterEach(() => {
  closeAllStreams()
  vi.restoreAllMocks()
  state.reset()
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

/** A GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base)
    const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the API over HTTP', () => {
  test('a visitor talks, pays and the checkout URL is on this server', async () => {
    const visitor = await api.startVisitor()
    const sent = await api.send(visitor.token, visitor.conversationId, 'over the wire')
    expect(sent.status).toBe(201)
    const page = await api.messagesOf(visitor.token, visitor.conversationId)
    expect(page.body.messages.map((m) => m.text)).toEqual(['over the wire'])

    const shared = await api.share(visitor.conversationId)
    const link = await api.checkout(visitor.token, shared.id)
    expect(link.body.checkoutUrl).toBe(`${base}/checkout/${link.body.checkoutSessionId}`)
    const paid = await api.pay(link.body.checkoutSessionId, card('4242 4242 4242 4242'))
    expect(paid.body.outcome).toBe('paid')
  })

  test('errors keep their status and envelope; unknown /v1 routes are 404 JSON', async () => {
    const unauthorized = await api.call('GET', '/v1/operator/brands')
    expect([unauthorized.status, unauthorized.error?.code]).toEqual([401, 'unauthorized'])
    const invalid = await api.call('POST', '/v1/sessions', { body: '{nope' })
    expect([invalid.status, invalid.error?.code]).toEqual([400, 'invalid_json'])
    const missing = await api.call('GET', '/v1/nope')
    expect([missing.status, missing.error?.code]).toEqual([404, 'not_found'])
  })

  test('a pay link is answered by the handlers, not the static files', async () => {
    const unknown = await rawGet('/pay/pl_unknown')
    expect([unknown.status, unknown.type, unknown.body]).toEqual([404, 'text/html; charset=utf-8', expect.stringContaining('not valid')])
  })

  test('a body over 64 KiB is 413', async () => {
    const answer = await api.call('POST', '/v1/sessions', { body: `{"widgetKey":"wk_demo","pad":"${'x'.repeat(70_000)}"}` })
    expect([answer.status, answer.error?.code]).toEqual([413, 'payload_too_large'])
  })

  test('preflight goes through with CORS headers', async () => {
    const answer = await api.call('OPTIONS', '/v1/sessions', { headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } })
    expect(answer.status).toBe(204)
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://shop.example')
  })
})

describe('event streams over HTTP', () => {
  test('the first event arrives while the connection is still open, and the next one too', async () => {
    const visitor = await api.startVisitor()
    const stream = await api.visitorStream(visitor.token, visitor.conversationId)
    await api.send(visitor.token, visitor.conversationId, 'first')
    expect((await stream.next(1)).map((e) => e.id)).toEqual(['1'])
    expect(stream.ended()).toBe(false)
    await api.asOperator('POST', `/v1/operator/conversations/${visitor.conversationId}/messages`, { text: 'second' })
    expect((await stream.next(1)).map((e) => e.id)).toEqual(['2'])
    expect(stream.raw()).toMatch(/^retry: 2000\n\n/)
  })

  test('Last-Event-ID replays over HTTP', async () => {
    const visitor = await api.startVisitor()
    for (const text of ['one', 'two', 'three']) await api.send(visitor.token, visitor.conversationId, text)
    const stream = await api.visitorStream(visitor.token, visitor.conversationId, '1')
    expect((await stream.next(2)).map((e) => e.id)).toEqual(['2', '3'])
  })

  test('a client that goes away frees its stream on the server', async () => {
    const listeners = trackListeners()
    const visitor = await api.startVisitor()
    const stream = await api.visitorStream(visitor.token, visitor.conversationId)
    const operator = await api.operatorStream()
    await stream.rawUntil('retry: 2000')
    expect(listeners.live()).toBe(2)

    stream.close()
    operator.close()
    await vi.waitFor(() => expect(listeners.live()).toBe(0))
    expect((await api.send(visitor.token, visitor.conversationId, 'after')).status).toBe(201)
  })
})

describe('static files', () => {
  test.each([
    ['/', 'text/html', 'demo shop'],
    ['/sakura', 'text/html', 'sakura shop'],
    ['/operator', 'text/html', 'operator console'],
    ['/operator/', 'text/html', 'operator console'],
    ['/checkout/cs_abc', 'text/html', 'hosted checkout'],
    ['/paychat.js', 'text/javascript', 'paychat loader'],
    ['/assets/x.js', 'text/javascript', 'export const x'],
    ['/assets/site.css', 'text/css', 'body{}'],
  ])('%s serves %s', async (path, type, content) => {
    const res = await fetch(`${base}${path}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain(type)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toContain(content)
  })

  test('hashed assets are cached for good, pages revalidate', async () => {
    expect((await fetch(`${base}/assets/x.js`)).headers.get('cache-control')).toContain('immutable')
    expect((await fetch(`${base}/`)).headers.get('cache-control')).toBe('no-cache')
    expect((await fetch(`${base}/paychat.js`)).headers.get('cache-control')).toBe('no-cache')
  })

  test('HEAD answers the headers without a body', async () => {
    const res = await fetch(`${base}/paychat.js`, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe(String(FILES['dist/widget/paychat.js']!.length))
    expect(await res.text()).toBe('')
  })

  test.each([
    '/nope',
    '/checkout/',
    '/checkout/cs_abc/extra',
    '/demo',
    '/assets/missing.js',
    '/package.json',
    '/../package.json',
    '/../secret.txt',
    '/../../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/package.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fpackage.json',
    '/..%2f..%2fsecret.txt',
    '/assets/..%2f..%2f..%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5c..%5csecret.txt',
    '/..\\..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/paychat.js%00.html',
    '/%E0%A4%A',
  ])('%s is 404 and nothing outside widget/ and app/ leaks', async (path) => {
    const res = await rawGet(path)
    expect(res.status).toBe(404)
    expect(res.body).not.toMatch(/decoy|DECOY|root:/)
  })

  test('/favicon.ico is an empty 204 when the build has none', async () => {
    expect((await fetch(`${base}/favicon.ico`)).status).toBe(204)
  })

  test('without a staticRoot only the API is served', async () => {
    const bare = createNodeServer({ state })
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
    try {
      const origin = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`
      expect((await fetch(`${origin}/`)).status).toBe(404)
      expect((await fetch(`${origin}/v1/operator/brands`, { headers: { authorization: 'Bearer op_demo' } })).status).toBe(200)
    } finally {
      bare.closeAllConnections()
      await new Promise((resolve) => bare.close(resolve))
    }
  })
})
