import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { getResponse, type RequestHandler } from 'msw'
import { createHandlers } from './index'
import type { ServerState } from './state'
import { serveStatic } from './static-files'

export interface NodeServerOptions {
  state?: ServerState
  /** Defaults to `createHandlers({ state })`. */
  handlers?: RequestHandler[]
  /** The build output (`dist/`) holding `widget/` and `app/`; no static files without it. */
  staticRoot?: string
}

/**
 * The reference server as a real HTTP server: `/v1/*` goes through the MSW handlers via
 * `getResponse`, everything else is the built widget, demo, console and checkout pages.
 */
export function createNodeServer(options: NodeServerOptions = {}): Server {
  const handlers = options.handlers ?? createHandlers(options.state ? { state: options.state } : {})
  return createServer((req, res) => {
    handle(req, res, handlers, options.staticRoot).catch((error: unknown) => {
      console.error(error)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end('Internal error')
    })
  })
}

async function handle(req: IncomingMessage, res: ServerResponse, handlers: RequestHandler[], staticRoot?: string) {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
  if (url.pathname.startsWith('/v1/')) {
    const abort = new AbortController()
    res.on('close', () => abort.abort())
    const request = toRequest(req, url, abort.signal)
    const response = await getResponse(handlers, request)
    return send(res, response ?? new Response('{"error":{"code":"not_found","message":"No such route."}}', { status: 404 }))
  }
  if ((req.method === 'GET' || req.method === 'HEAD') && staticRoot) {
    if (await serveStatic(staticRoot, url.pathname, res, req.method)) return
  }
  // Browsers ask for it on every page; an empty answer keeps their consoles free of a red 404.
  if (url.pathname === '/favicon.ico') return res.writeHead(204).end()
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(staticRoot ? 'Not found. If this should be a page, run `npm run build` first.' : 'Not found.')
}

function toRequest(req: IncomingMessage, url: URL, signal: AbortSignal): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v))
    else if (value !== undefined) headers.set(name, value)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit)
}

async function send(res: ServerResponse, response: Response) {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    headers[name] = name === 'set-cookie' ? response.headers.getSetCookie() : value
  })
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
