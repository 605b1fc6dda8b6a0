import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { getResponse, type RequestHandler } from 'msw'
import { ApiFailure } from './api-error'
import { CLIENT_IP_HEADER } from './client-ip'
import { withCors } from './cors'
import { json } from './http'
import { createHandlers, createServerState } from './index'
import { listeningUrl } from './public-url'
import type { ServerState } from './state'
import { serveStatic } from './static-files'

export interface NodeServerOptions {
  /**
   * Defaults to a fresh seeded one. Without a `publicUrl` of its own it takes the address the server
   * listens on (so a server on port 0 links to itself), never a request's Host.
   */
  state?: ServerState
  /** Defaults to `createHandlers({ state })`; given alone, its state cannot learn the listening address. */
  handlers?: RequestHandler[]
  /** The build output (`dist/`) holding `widget/` and `app/`; no static files without it. */
  staticRoot?: string
  /** Called with one line per finished request (`GET /v1/sessions 201 3ms`) and per unexpected error. */
  log?: (line: string) => void
}

/**
 * The reference server as a real HTTP server: `/v1/*` goes through the MSW handlers via
 * `getResponse`, everything else is the built widget, demo, console and checkout pages.
 */
export function createNodeServer(options: NodeServerOptions = {}): Server {
  const state = options.state ?? (options.handlers ? undefined : createServerState())
  const handlers = options.handlers ?? createHandlers({ state: state! })
  // Resolved once: a relative root ("dist") must still contain every file path joined onto it.
  const staticRoot = options.staticRoot === undefined ? undefined : resolve(options.staticRoot)
  const log = options.log
  const server = createServer((req, res) => {
    if (log) {
      const started = performance.now()
      res.on('close', () => {
        const path = (req.url ?? '/').split('?')[0]
        log(`${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms`)
      })
    }
    handle(req, res, handlers, staticRoot).catch((error: unknown) => {
      if (log) log(`${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      else console.error(error)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('Internal error')
    })
  })
  server.on('listening', () => {
    const url = listeningUrl(server.address())
    if (url) state?.listeningAt(url)
  })
  return server
}

async function handle(req: IncomingMessage, res: ServerResponse, handlers: RequestHandler[], staticRoot?: string) {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
  // The API, the pay links WhatsApp buttons open (they redirect to a checkout page), and the OpenAPI document.
  if (url.pathname.startsWith('/v1/') || url.pathname.startsWith('/pay/') || url.pathname === '/openapi.json') {
    const abort = new AbortController()
    res.on('close', () => abort.abort())
    const request = toRequest(req, url, abort.signal)
    const response = await getResponse(handlers, request)
    return send(req, res, response ?? noRoute(request, url))
  }
  if ((req.method === 'GET' || req.method === 'HEAD') && staticRoot) {
    if (await serveStatic(staticRoot, url.pathname, res, req.method)) return
  }
  // Browsers ask for it on every page; an empty answer keeps their consoles free of a red 404.
  if (url.pathname === '/favicon.ico') return res.writeHead(204).end()
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(staticRoot ? 'Not found. If this should be a page, run `npm run build` first.' : 'Not found.')
}

/** What `/v1/*` answers when the handlers given match nothing: the API's 404 envelope, with CORS. */
function noRoute(request: Request, url: URL): Response {
  const failure = new ApiFailure(404, 'not_found', `No route ${request.method} ${url.pathname}.`)
  return withCors(request, json(failure.toBody(), 404))
}

function toRequest(req: IncomingMessage, url: URL, signal: AbortSignal): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v))
    else if (value !== undefined) headers.set(name, value)
  }
  // The peer address, for the per-address rate limit. Whatever the client sent under this name goes
  // first: only the socket can say where a call came from.
  headers.delete(CLIENT_IP_HEADER)
  if (req.socket.remoteAddress) headers.set(CLIENT_IP_HEADER, req.socket.remoteAddress)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit)
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response) {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    headers[name] = name === 'set-cookie' ? response.headers.getSetCookie() : value
  })
  // Answered before the body was read (413, 401): the rest of it is still on the socket, so that
  // connection cannot carry another request. Closing it beats reading megabytes only to drop them.
  if (!req.complete) headers.connection = 'close'
  res.writeHead(response.status, headers)
  if (!response.body) return res.end()
  // Write chunk by chunk so each SSE event leaves at once; stop reading when the client goes away.
  const reader = response.body.getReader()
  res.on('close', () => reader.cancel().catch(() => {}))
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      res.write(value)
    }
  } catch {
    // the client went away mid-stream
  }
  res.end()
}
