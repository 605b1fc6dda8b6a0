import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createServerState, type ServerState, type ServerStateOptions } from '../../../src/server/index'
import { createNodeServer } from '../../../src/server/node'

/**
 * A small HTTP proxy between the real client and the real reference server that breaks things on
 * purpose, rule by rule. Every fault it injects adds one to `injected`; everything it forwards is
 * recorded in `requests`, so a test can see what the client really sent (clientIds, Last-Event-ID).
 */
export interface FaultProxy {
  /** Where the client points (`apiBase`). */
  readonly origin: string
  /** The reference server itself, for the operator's side of a test (no faults on that path). */
  readonly upstreamOrigin: string
  /** The state of the server running now (a restart replaces it). */
  readonly state: ServerState
  /** Faults injected so far: each 500, held answer, cut stream, duplicated or swapped event, restart. */
  readonly injected: number
  /** Every request that reached the proxy, oldest first. */
  readonly requests: SeenRequest[]
  /** Answer `status` (default 500) to the next `times` requests matching; `afterForward` lets the server handle it first. */
  fail(rule: { method: string; path: RegExp; times: number; status?: number; afterForward?: boolean }): void
  /**
   * Hold the next `times` (default 1) matching requests: before they reach the server (`stage: 'request'`) or
   * their answer on the way back (`stage: 'response'`, the default), for `ms` or until `release()`.
   */
  hold(rule: { method: string; path: RegExp; times?: number; ms?: number; stage?: 'request' | 'response' }): { release(): void }
  /** How many requests or answers are being held right now. */
  readonly holding: number
  /** Destroy the event-stream connection that carries the `afterEvents`-th event from now (`times` in a row). */
  cutStream(rule: { afterEvents: number; times?: number }): void
  /** Destroy every open event-stream connection now (one fault each). */
  dropStreams(): number
  /** Event-stream connections destroyed so far. */
  readonly cuts: number
  /** Send each of the next `events` events twice. */
  duplicateEvents(events: number): void
  /** Swap the next two events (the first is held until the second has gone), `times` pairs in a row. */
  swapEvents(times?: number): void
  /** Close the server and start a fresh one, with a fresh state, on the same port: everything in memory is lost. */
  restart(): Promise<void>
  close(): Promise<void>
}

export interface SeenRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: string
  /** The status the client got (the injected one for a fault); undefined while unanswered. */
  status?: number
}

export interface FaultProxyOptions {
  state?: () => ServerState
  stateOptions?: ServerStateOptions
  /** Rewrites the server's `retry:` advice on event streams, so reconnects in tests take ms, not seconds. */
  streamRetryMs?: number | null
}

interface FailRule {
  method: string
  path: RegExp
  left: number
  status: number
  afterForward: boolean
}

interface HoldRule {
  method: string
  path: RegExp
  left: number
  ms: number
  stage: 'request' | 'response'
  gate: Promise<void>
}

const FOREVER = 60_000

export async function startFaultProxy(options: FaultProxyOptions = {}): Promise<FaultProxy> {
  const makeState = options.state ?? (() => createServerState(options.stateOptions))
  const streamRetryMs = options.streamRetryMs === undefined ? 50 : options.streamRetryMs

  let state = makeState()
  let upstream = createNodeServer({ state })
  const upstreamPort = await listen(upstream, 0)

  let injected = 0
  let cuts = 0
  let holding = 0
  const requests: SeenRequest[] = []
  const failRules: FailRule[] = []
  const holdRules: HoldRule[] = []
  let cutRule: { afterEvents: number; seen: number; times: number } | null = null
  let duplicates = 0
  let swaps = 0
  const streams = new Set<ServerResponse>()

  const matches = (rule: { method: string; path: RegExp; left: number }, req: IncomingMessage) =>
    rule.left > 0 && rule.method.toUpperCase() === req.method && rule.path.test(pathOf(req))

  const proxy = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readAll(req)
    const seen: SeenRequest = { method: req.method ?? 'GET', path: pathOf(req), headers: req.headers, body: body.toString('utf8') }
    requests.push(seen)

    const fail = failRules.find((rule) => matches(rule, req))
    if (fail) fail.left--
    const hold = holdRules.find((rule) => matches(rule, req))
    if (hold) hold.left--

    if (fail && !fail.afterForward) return injectError(res, seen, fail.status)
    if (hold?.stage === 'request') await held(hold, res)
    if (res.destroyed) return

    const answer = await forward(req, body, res)
    if (!answer) return
    if (isEventStream(answer)) {
      seen.status = answer.statusCode
      return relayStream(answer, res)
    }
    const content = await readAll(answer)
    if (fail) return injectError(res, seen, fail.status)
    if (hold?.stage === 'response') await held(hold, res)
    if (res.destroyed) return
    seen.status = answer.statusCode
    const headers = withoutHopHeaders(answer.headers)
    headers['content-length'] = String(content.length)
    res.writeHead(answer.statusCode ?? 502, headers)
    res.end(content)
  }

  function injectError(res: ServerResponse, seen: SeenRequest, status: number) {
    injected++
    seen.status = status
    const body = JSON.stringify({ error: { code: 'injected_fault', message: 'The fault proxy made this fail.' } })
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) })
    res.end(body)
  }

  /** Waits out a hold rule, or until the client gives up on the request. */
  async function held(rule: HoldRule, res: ServerResponse) {
    injected++
    holding++
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([
      rule.gate,
      new Promise<void>((done) => (timer = setTimeout(done, rule.ms))),
      new Promise<void>((done) => res.once('close', done)),
    ])
    clearTimeout(timer)
    holding--
  }

  function forward(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<IncomingMessage | null> {
    return new Promise((resolve) => {
      const headers = withoutHopHeaders(req.headers)
      headers.host = `127.0.0.1:${upstreamPort}`
      headers['content-length'] = String(body.length)
      const out = httpRequest(
        { host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers, agent: false },
        resolve,
      )
      out.on('error', () => {
        if (!res.headersSent && !res.destroyed) res.writeHead(502).end()
        resolve(null)
      })
      // The client went away: so does the request to the server (an event stream stops listening).
      res.on('close', () => out.destroy())
      out.end(body)
    })
  }

  /** Passes an event stream on block by block (a block ends with a blank line), faults applied. */
  function relayStream(answer: IncomingMessage, res: ServerResponse) {
    const headers = withoutHopHeaders(answer.headers)
    delete headers['content-length']
    res.writeHead(answer.statusCode ?? 200, headers)
    res.flushHeaders()
    streams.add(res)
    res.on('close', () => {
      streams.delete(res)
      answer.destroy()
    })
    let buffer = ''
    let swapped: string | null = null
    let cutting = false
    answer.setEncoding('utf8')
    answer.on('data', (chunk: string) => {
      buffer += chunk
      for (let end = buffer.indexOf('\n\n'); end >= 0 && !res.destroyed && !cutting; end = buffer.indexOf('\n\n')) {
        let block = buffer.slice(0, end + 2)
        buffer = buffer.slice(end + 2)
        if (streamRetryMs !== null) block = block.replace(/^retry: *\d+$/m, `retry: ${streamRetryMs}`)
        if (!/^id:/m.test(block)) {
          res.write(block)
          continue
        }
        if (swapped === null && swaps > 0) {
          swaps--
          injected++
          swapped = block
          continue
        }
        const out = swapped === null ? [block] : [block, swapped]
        swapped = null
        for (const event of out) {
          res.write(event)
          if (duplicates > 0) {
            duplicates--
            injected++
            res.write(event)
          }
          if (cutRule && ++cutRule.seen >= cutRule.afterEvents) {
            cutRule.seen = 0
            if (--cutRule.times <= 0) cutRule = null
            // Nothing more goes out on this connection; it dies once what was written has left.
            cutting = true
            res.write('', () => cut(res))
            return
          }
        }
      }
    })
    answer.on('end', () => res.end())
    answer.on('error', () => res.destroy())
    answer.on('aborted', () => res.destroy())
  }

  function cut(res: ServerResponse) {
    injected++
    cuts++
    streams.delete(res)
    res.socket?.destroy()
    res.destroy()
  }

  const origin = `http://127.0.0.1:${await listen(proxy, 0)}`

  return {
    origin,
    upstreamOrigin: `http://127.0.0.1:${upstreamPort}`,
    get state() {
      return state
    },
    get injected() {
      return injected
    },
    get cuts() {
      return cuts
    },
    get holding() {
      return holding
    },
    requests,
    fail({ method, path, times, status = 500, afterForward = false }) {
      failRules.push({ method, path, left: times, status, afterForward })
    },
    hold({ method, path, times = 1, ms = FOREVER, stage = 'response' }) {
      let release = () => {}
      const gate = new Promise<void>((done) => (release = done))
      holdRules.push({ method, path, left: times, ms, stage, gate })
      return { release }
    },
    cutStream({ afterEvents, times = 1 }) {
      cutRule = { afterEvents, seen: 0, times }
    },
    dropStreams() {
      const open = [...streams]
      open.forEach(cut)
      return open.length
    },
    duplicateEvents(events) {
      duplicates += events
    },
    swapEvents(times = 1) {
      swaps += times
    },
    async restart() {
      injected++
      upstream.closeAllConnections()
      await close(upstream)
      state = makeState()
      upstream = createNodeServer({ state })
      await listen(upstream, upstreamPort)
    },
    async close() {
      for (const rule of holdRules) rule.left = 0
      proxy.closeAllConnections()
      upstream.closeAllConnections()
      await Promise.all([close(proxy), close(upstream)])
    },
  }
}

const HOP_HEADERS = ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']

function withoutHopHeaders(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_HEADERS.includes(name)) out[name] = value
  }
  return out
}

const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?')[0]!

const isEventStream = (answer: IncomingMessage) => String(answer.headers['content-type'] ?? '').startsWith('text/event-stream')

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
    stream.on('aborted', () => reject(new Error('aborted')))
  })
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail)
      done((server.address() as AddressInfo).port)
    })
  })
}

function close(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()))
}
