import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createNodeServer } from '../../../src/server/node'
import { createServerState } from '../../../src/server/index'
import { openStream, readEvents } from './sse-reader'

const FILES: Record<string, string> = {
  'app/demo/index.html': '<h1>shop</h1>',
  'app/demo/operator/index.html': '<h1>console</h1>',
  'app/src/checkout/index.html': '<h1>checkout</h1>',
  'app/assets/page-abc.js': 'console.log(1)',
  'widget/paychat.js': '/* loader */',
}

const state = createServerState()
let root: string
let server: Server
let base: string

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'paychat-dist-'))
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), text)
  }
  writeFileSync(join(tmpdir(), 'paychat-secret.txt'), 'secret')
  server = createNodeServer({ state, staticRoot: root })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
  rmSync(root, { recursive: true, force: true })
})

/** A raw GET, so paths like `/../x` reach the server exactly as written (fetch would normalise them). */
function rawGet(path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((done, fail) => {
    const req = httpRequest(`${base}/`, { path, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => done({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }))
    })
    req.on('error', fail)
    req.end()
  })
}

describe('the reference server over real HTTP', () => {
  test.each([
    ['/', 'text/html', '<h1>shop</h1>'],
    ['/operator', 'text/html', '<h1>console</h1>'],
    ['/checkout/cs_abc123', 'text/html', '<h1>checkout</h1>'],
    ['/paychat.js', 'text/javascript', '/* loader */'],
    ['/assets/page-abc.js', 'text/javascript', 'console.log(1)'],
  ])('%s serves the built file as %s', async (path, type, body) => {
    const res = await rawGet(path)
    expect(res).toMatchObject({ status: 200, body })
    expect(res.type).toContain(type)
  })

  test.each(['/../paychat-secret.txt', '/%2e%2e/paychat-secret.txt', '/assets/..%2f..%2f..%2fpaychat-secret.txt', '/..%5cpaychat-secret.txt', '/nope.js'])(
    '%s does not escape the build folder',
    async (path) => {
      const res = await rawGet(path)
      expect(res.status).toBe(404)
      expect(res.body).not.toContain('secret')
    },
  )

  test('the API answers over HTTP, and unknown API paths get the JSON error envelope', async () => {
    const session = await fetch(`${base}/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ widgetKey: 'wk_demo' }),
    })
    expect(session.status).toBe(201)
    const missing = await fetch(`${base}/v1/nothing`)
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.code).toBe('not_found')
  })

  test('events stream through as they happen, and a client that leaves frees the stream', async () => {
    const { session, conversation } = await (
      await fetch(`${base}/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"widgetKey":"wk_demo"}' })
    ).json()
    const { response, close } = await openStream(`${base}/v1/conversations/${conversation.id}/events`, {
      authorization: `Bearer ${session.token}`,
    })
    const reading = readEvents(response, 1)
    await fetch(`${base}/v1/operator/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: { authorization: 'Bearer op_demo', 'content-type': 'application/json' },
      body: '{"text":"live over HTTP"}',
    })
    expect((await reading).map((e) => e.data.message.text)).toEqual(['live over HTTP'])
    const log = state.events.conversation(conversation.id) as unknown as { listeners: Set<unknown> }
    expect(log.listeners.size).toBe(1)
    close()
    await expect.poll(() => log.listeners.size).toBe(0)
  })
})
