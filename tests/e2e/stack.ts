import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { createServerState } from '../../src/server/index'
import { createNodeServer } from '../../src/server/node'

const root = resolve(import.meta.dirname, '../..')
export const OPERATOR_TOKEN = 'op_demo'

/** The reference server on one origin and a website embedding the widget on another. */
export interface Stack {
  apiBase: string
  hostUrl: string
  close(): Promise<void>
}

export interface StackOptions {
  /** The host page's HTML; the README snippet (`hostPage` below) when omitted. */
  hostPage?: (apiBase: string) => string
  /** Extra response headers for the host page, e.g. a `Content-Security-Policy` naming the API origin. */
  headers?: Record<string, string> | ((apiBase: string) => Record<string, string>)
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  if (!existsSync(join(root, 'dist/widget/paychat.js'))) throw new Error('Run `npm run build` before the browser tests.')
  const api = createNodeServer({ state: createServerState(), staticRoot: join(root, 'dist') })
  const apiBase = `http://127.0.0.1:${await listen(api)}`
  const page = (options.hostPage ?? hostPage)(apiBase)
  const headers = typeof options.headers === 'function' ? options.headers(apiBase) : (options.headers ?? {})
  const host = createServer((_req, res) => {
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(page)
  })
  const hostUrl = `http://127.0.0.1:${await listen(host)}/shop`
  return {
    apiBase,
    hostUrl,
    async close() {
      api.closeAllConnections()
      host.closeAllConnections()
      await Promise.all([close(api), close(host)])
    },
  }
}

/** A shop on another origin that pastes the README snippet, queue stub included. */
export function hostPage(apiBase: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Another origin's shop</title></head>
<body>
  <h1>Bean Bros — a shop on another origin</h1>
  <script>
    window.Paychat = window.Paychat || function () { (Paychat.q = Paychat.q || []).push(arguments) };
    window.hostEvents = [];
    ['ready', 'open', 'close', 'message', 'payment:opened', 'payment:paid', 'payment:failed', 'payment:declined', 'handoff']
      .forEach(function (name) { Paychat('on', name, function () { hostEvents.push(name) }) });
  </script>
  <script async src="${apiBase}/paychat.js" data-widget-key="wk_demo"></script>
</body></html>`
}

/** Debian's Chromium; Playwright gives every launch a fresh temporary `--user-data-dir` of its own. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PAYCHAT_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
}

function listen(server: Server): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port))
  })
}

function close(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()))
}
