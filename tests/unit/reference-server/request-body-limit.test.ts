import { request as httpRequest, Agent, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createServerState } from '../../../src/server/index'
import { createNodeServer } from '../../../src/server/node'
import { BASE, useReferenceServer } from './harness'

const KIB = 1024

/** A body streamed in `size` bytes of JSON whitespace after a valid start, with no Content-Length. */
function chunkedBody(size: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(' '.repeat(8 * KIB))
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('{"widgetKey":"wk_demo"}'))
      if (sent >= size) return controller.close()
      sent += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
}

describe('through the MSW handlers', () => {
  useReferenceServer()

  test.each([
    [32 * KIB, 201],
    [128 * KIB, 413],
  ])('a streamed body of about %i bytes with no Content-Length is %i', async (size, status) => {
    const res = await fetch(`${BASE}/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunkedBody(size),
      duplex: 'half',
    } as RequestInit)
    expect(res.headers.get('content-length')).toBeNull()
    expect(res.status).toBe(status)
    if (status === 413) expect((await res.json()).error.code).toBe('payload_too_large')
  })
})

describe('over HTTP', () => {
  let server: Server
  let port: number
  // One kept-alive connection, so a socket left with unread bytes would stall the next request.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })

  beforeAll(async () => {
    server = createNodeServer({ state: createServerState() })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    agent.destroy()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  /**
   * POSTs about `size` bytes in chunks, honouring backpressure, and stops writing once answered.
   * Answers the status, the error code, and how much had been written when the answer came.
   */
  function upload(path: string, size: number) {
    return new Promise<{ status: number; code: string | undefined; writtenWhenAnswered: number }>((resolve, reject) => {
      let sent = 0
      let answered = false
      const target = { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json' } }
      const req = httpRequest(target, (res) => {
        answered = true
        const writtenWhenAnswered = sent
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (part: string) => (text += part))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, code: JSON.parse(text).error?.code, writtenWhenAnswered }))
      })
      // The server may close while the rest is still being written: its answer has come by then.
      req.on('error', (error) => (answered ? undefined : reject(error)))
      const chunk = ' '.repeat(16 * KIB)
      req.write('{"widgetKey":"wk_demo"}')
      const pump = () => {
        while (sent < size && !answered) {
          sent += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
        req.end()
      }
      pump()
    })
  }

  const startSession = () =>
    fetch(`http://127.0.0.1:${port}/v1/sessions`, {
      method: 'POST',
      body: '{"widgetKey":"wk_demo"}',
      headers: { 'content-type': 'application/json' },
    })

  test('a 64 MB chunked upload is answered 413 long before it is all sent, and the server keeps serving', async () => {
    const refused = await upload('/v1/sessions', 64 * KIB * KIB)
    expect([refused.status, refused.code]).toEqual([413, 'payload_too_large'])
    expect(refused.writtenWhenAnswered).toBeLessThan(32 * KIB * KIB)
    expect((await upload('/v1/sessions', 10 * KIB)).status).toBe(201)
    expect((await startSession()).status).toBe(201)
  })

  test('a large body refused before it is read (401) does not stall the kept-alive connection it came on', async () => {
    const refused = await upload('/v1/operator/payment-pages', 1 * KIB * KIB)
    expect([refused.status, refused.code]).toEqual([401, 'unauthorized'])
    expect((await upload('/v1/sessions', 1 * KIB)).status).toBe(201)
  })
})
