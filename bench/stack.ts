import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { createServerState, type ServerState } from '../src/server/index'
import { createNodeServer } from '../src/server/node'
import { WIDGET_KEY } from './config'

/** The reference server (in this process) and a shop on another origin, with or without the widget. */
export interface BenchStack {
  state: ServerState
  apiBase: string
  /** The shop with the README script tag. */
  withWidget: string
  /** The same shop without it. */
  withoutWidget: string
  close(): Promise<void>
}

export async function startBenchStack(root: string): Promise<BenchStack> {
  // No rate limits: the bench drives one session much harder than a person could.
  const state = createServerState({ rateLimits: false })
  const api = createNodeServer({ state, staticRoot: join(root, 'dist') })
  const apiBase = `http://127.0.0.1:${await listen(api)}`
  const pages = { '/shop': shopPage(apiBase, true), '/plain': shopPage(apiBase, false) }
  const host = createServer((req, res) => {
    const page = pages[(req.url ?? '').split('?')[0] as keyof typeof pages]
    if (!page) return res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end()
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page)
  })
  const hostBase = `http://127.0.0.1:${await listen(host)}`
  return {
    state,
    apiBase,
    withWidget: `${hostBase}/shop`,
    withoutWidget: `${hostBase}/plain`,
    async close() {
      api.closeAllConnections()
      host.closeAllConnections()
      await Promise.all([close(api), close(host)])
    },
  }
}

/**
 * A small shop page. Its head starts observers for long tasks and layout shifts (buffered, so nothing
 * before them is missed); just before the script tag it notes the time and polls each frame for the
 * launcher, noting the first frame after which it was painted.
 */
function shopPage(apiBase: string, widget: boolean): string {
  const paragraphs = Array.from(
    { length: 12 },
    (_, i) => `<p>Single-origin beans, lot ${i + 1}: roasted on Mondays, shipped on Tuesdays, brewed by you on Wednesday morning.</p>`,
  ).join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bench shop</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>
  window.__bench = { longTasks: [], cls: 0, shifts: 0, hostEvents: [] };
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { __bench.longTasks.push({ start: e.startTime, duration: e.duration }) });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { if (!e.hadRecentInput) { __bench.cls += e.value; __bench.shifts++ } });
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { __bench.lcp = e.startTime; __bench.lcpElement = e.element ? e.element.localName : '?' });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  window.__afterPaint = function () {
    return new Promise(function (done) {
      requestAnimationFrame(function () {
        var channel = new MessageChannel();
        channel.port1.onmessage = function () { done(performance.now()) };
        channel.port2.postMessage(0);
      });
    });
  };
</script>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 40rem } </style>
</head>
<body>
  <h1>Bean Bros</h1>
  ${paragraphs}
  ${
    widget
      ? `<script>
    window.Paychat = window.Paychat || function () { (Paychat.q = Paychat.q || []).push(arguments) };
    ['ready', 'open'].forEach(function (name) { Paychat('on', name, function (e) {
      __bench.hostEvents.push([name, performance.now()]);
      if (e && e.conversationId) __bench.conversationId = e.conversationId;
    }) });
    __bench.tagAt = performance.now();
    (function poll() {
      var host = document.querySelector('paychat-widget');
      var button = host && host.shadowRoot && host.shadowRoot.querySelector('button');
      if (button && button.getBoundingClientRect().width > 0) {
        __bench.launcherInDomAt = performance.now();
        var channel = new MessageChannel();
        channel.port1.onmessage = function () { __bench.launcherPaintedAt = performance.now() };
        channel.port2.postMessage(0);
        return;
      }
      requestAnimationFrame(poll);
    })();
  </script>
  <script async src="${apiBase}/paychat.js" data-widget-key="${WIDGET_KEY}"></script>`
      : ''
  }
</body></html>`
}

/** Debian's Chromium with the flags the browser tests use; Playwright adds a fresh user-data-dir. */
export function launchChromium(): Promise<Browser> {
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
