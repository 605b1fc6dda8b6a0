import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
  at: number
}

export interface ScriptServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  seen: Seen[]
  close(): Promise<void>
}

/**
 * A real HTTP server on port 0 whose every answer the test scripts: `answer` gets each request (body
 * read) with its index, and writes to `res` whatever the case needs, including nothing at all.
 */
export async function scriptServer(
  answer: (res: ServerResponse, request: Seen, index: number) => void,
): Promise<ScriptServer> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now() }
      seen.push(request)
      answer(res, request, seen.length - 1)
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
}

export const errorBody = (code: string, message: string, field?: string) => ({ error: { code, message, field } })
