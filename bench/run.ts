/**
 * `npm run bench`: sizes, browser timings and server fan-out, measured in one run on this machine.
 * Prints one table and writes bench/results.json. Not a test: vitest collects only tests/**.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { cpus, platform, release, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { measureBrowser, type BrowserReport } from './browser'
import * as config from './config'
import { measureFanout, type FanoutReport } from './server-fanout'
import { measureSizes, type SizeReport } from './sizes'
import { measureStoreCost, type StoreCostReport } from './store-cost'
import { launchChromium, startBenchStack } from './stack'
import { median, percentile, round } from './stats'
import { renderTable, ratioOf, type Row } from './table'

const root = resolve(import.meta.dirname, '..')
const started = performance.now()
const log = (line: string) => console.error(line)
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`

function ensureBuild() {
  const needed = ['dist/widget/paychat.js', 'dist/app/src/checkout/index.html']
  if (needed.every((f) => existsSync(join(root, f)))) return
  log('dist/ is missing or incomplete: running `npm run build` first')
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0 || !needed.every((f) => existsSync(join(root, f)))) {
    console.error('The build failed; run `npm ci && npm run build`, then `npm run bench` again.')
    process.exit(1)
  }
}

const kb = (bytes: number) => round(bytes / 1024, 1)
const mb = (bytes: number) => round(bytes / 2 ** 20, 1)
const med = <T>(runs: T[], pick: (run: T) => number | null | undefined) => {
  const values = runs.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  return values.length ? round(median(values), 1) : null
}

/** Our widget files a visitor fetched in the browser runs (load, open, messages), measured as on disk. */
function fetchedSizes(sizes: SizeReport, b: BrowserReport): { files: string[]; raw: number; gzip: number } {
  const paths = new Set(b.withWidget.flatMap((r) => r.fetched).map((p) => p.replace(/^\//, '')))
  const files = sizes.widget.files.filter((f) => paths.has(f.file))
  return { files: files.map((f) => f.file), raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) }
}

function sizeRows(sizes: SizeReport, b: BrowserReport): Row[] {
  const rows: Row[] = [{ metric: 'SIZES (gzip = node:zlib level 9)', ours: '', unit: '' }]
  const fetched = fetchedSizes(sizes, b)
  for (const f of sizes.widget.files) {
    rows.push({ metric: `widget ${f.file} raw`, ours: kb(f.raw), unit: 'KiB' })
    rows.push({ metric: `widget ${f.file} gzip`, ours: kb(f.gzip), unit: 'KiB' })
  }
  const loader = sizes.widget.files.find((f) => f.file === 'paychat.js')
  for (const peer of sizes.peers) {
    const label = `${peer.name}${peer.version ? `@${peer.version}` : ''}`
    if (peer.error) {
      rows.push({ metric: `vs ${label}`, ours: kb(sizes.widget.gzip), peer: `NOT FETCHED: ${peer.error.slice(0, 60)}`, unit: 'KiB' })
      continue
    }
    rows.push({ metric: `widget total raw vs ${label}`, ours: kb(sizes.widget.raw), peer: kb(peer.raw), ratio: true, unit: 'KiB' })
    rows.push({ metric: `widget total gzip vs ${label}`, ours: kb(sizes.widget.gzip), peer: kb(peer.gzip), ratio: true, unit: 'KiB' })
    rows.push({ metric: `fetched by an en visitor, gzip vs ${label}`, ours: kb(fetched.gzip), peer: kb(peer.gzip), ratio: true, unit: 'KiB' })
    const peerLoader = peer.files.find((f) => f.file.includes('(loader)'))
    if (loader && peerLoader) {
      rows.push({ metric: `host-page loader gzip vs ${peer.name} loader`, ours: kb(loader.gzip), peer: kb(peerLoader.gzip), ratio: true, unit: 'KiB' })
    }
  }
  const idle = new Set(b.withWidget.flatMap((r) => r.fetchedBeforeOpen))
  rows.push({ metric: 'widget files fetched before the chat is opened', ours: [...idle].join(' + ') || 'none', unit: '' })
  rows.push({ metric: `fetched by an en visitor: ${fetched.files.join(' + ') || 'none seen'}`, ours: `${kb(fetched.raw)} / ${kb(fetched.gzip)}`, unit: 'KiB raw / gzip' })
  for (const f of sizes.checkout.files) rows.push({ metric: `checkout ${f.file} raw / gzip`, ours: `${kb(f.raw)} / ${kb(f.gzip)}`, unit: 'KiB' })
  rows.push({ metric: 'checkout page total gzip', ours: kb(sizes.checkout.gzip), unit: 'KiB' })
  return rows
}

function browserRows(b: BrowserReport): Row[] {
  const events = b.withWidget.flatMap((r) => r.events)
  const painted = events.map((e) => e.painted)
  const long = b.longConversation
  const rows: Row[] = [
    { metric: `BROWSER (Chromium ${b.chromium}, median of ${config.RUNS} cold loads)`, ours: '', unit: '' },
    { metric: 'script tag → launcher painted', ours: med(b.withWidget, (r) => r.tagToLauncher), unit: 'ms' },
    { metric: 'paychat.js received → launcher painted', ours: med(b.withWidget, (r) => r.scriptReceivedToLauncher), unit: 'ms' },
    { metric: 'click launcher → composer focused, painted', ours: med(b.withWidget, (r) => r.clickToComposer), unit: 'ms' },
    { metric: `operator POST → message painted p50 (n=${events.length})`, ours: round(percentile(painted, 50), 1), unit: 'ms' },
    { metric: `operator POST → message painted p95 (n=${events.length})`, ours: round(percentile(painted, 95), 1), unit: 'ms' },
    { metric: 'operator POST → answered p50', ours: round(percentile(events.map((e) => e.ack), 50), 1), unit: 'ms' },
    { metric: 'host page long tasks during load (baseline: no script)', ours: med(b.withWidget, (r) => r.longTasks), peer: med(b.withoutWidget, (r) => r.longTasks), unit: 'count' },
    { metric: 'host page long-task time (baseline: no script)', ours: med(b.withWidget, (r) => r.longTaskMs), peer: med(b.withoutWidget, (r) => r.longTaskMs), unit: 'ms' },
    { metric: 'host page CLS (baseline: no script)', ours: med(b.withWidget, (r) => r.cls), peer: med(b.withoutWidget, (r) => r.cls), unit: 'score' },
    { metric: 'host page LCP (baseline: no script)', ours: med(b.withWidget, (r) => r.lcp), peer: med(b.withoutWidget, (r) => r.lcp), unit: 'ms' },
    { metric: 'host page LCP element (baseline: no script)', ours: b.withWidget[0]?.lcpElement ?? '?', peer: b.withoutWidget[0]?.lcpElement ?? '?', unit: '' },
    { metric: 'host page JS heap at idle, after GC (baseline: no script)', ours: mb(median(b.withWidget.map((r) => r.heap))), peer: mb(median(b.withoutWidget.map((r) => r.heap))), unit: 'MiB' },
    { metric: `${config.LONG_CONVERSATION}-msg conversation: click → newest painted`, ours: med(long, (r) => r.clickToPainted), unit: 'ms' },
    { metric: `${config.LONG_CONVERSATION}-msg conversation: script tag → newest painted`, ours: med(long, (r) => r.loadToPainted), unit: 'ms' },
    { metric: `${config.LONG_CONVERSATION}-msg conversation: elements in shadow root`, ours: med(long, (r) => r.dom.elements), unit: 'count' },
    { metric: `${config.LONG_CONVERSATION}-msg conversation: message rows rendered`, ours: med(long, (r) => r.dom.rows), unit: 'count' },
    { metric: `${config.LONG_CONVERSATION}-msg conversation: oldest message reachable by scrolling`, ours: long.every((r) => r.oldestShown) ? 'yes' : long.some((r) => r.oldestShown) ? 'sometimes' : 'no', unit: '' },
    { metric: 'scroll to top: frames', ours: med(long, (r) => r.scroll?.frames), unit: 'count' },
    { metric: `scroll to top: frames over ${config.FRAME_BUDGET_MS} ms`, ours: med(long, (r) => r.scroll?.slowFrames), unit: 'count' },
    { metric: `scroll to top: frames over ${round(config.FRAME_BUDGET_MS * 1.5, 1)} ms (a missed vsync)`, ours: med(long, (r) => r.scroll?.missedFrames), unit: 'count' },
    { metric: 'scroll to top: worst frame', ours: med(long, (r) => r.scroll?.worstFrame), unit: 'ms' },
    { metric: 'scroll to top: long tasks', ours: med(long, (r) => r.scroll?.longTasks), unit: 'count' },
    { metric: `JS heap after ${config.HEAP_MESSAGES} messages, after GC`, ours: mb(median(b.heap.map((r) => r.after))), unit: 'MiB' },
    { metric: `JS heap growth for ${config.HEAP_MESSAGES} messages`, ours: mb(median(b.heap.map((r) => r.after - r.before))), unit: 'MiB' },
    { metric: `${config.HEAP_MESSAGES} messages at once → last painted`, ours: med(b.heap, (r) => r.burstMs), unit: 'ms' },
    { metric: `${config.HEAP_MESSAGES} messages at once: long tasks`, ours: med(b.heap, (r) => r.longTasks), unit: 'count' },
    { metric: `${config.HEAP_MESSAGES} messages at once: elements in shadow root`, ours: med(b.heap, (r) => r.dom.elements), unit: 'count' },
  ]
  return rows
}

function fanoutRows(f: FanoutReport): Row[] {
  return [
    { metric: `SERVER (${f.streams} event streams on one conversation, own process)`, ours: '', unit: '' },
    { metric: `open ${f.streams} streams`, ours: round(f.connectMs, 0), unit: 'ms' },
    { metric: `paced (1 in flight, n=${f.paced.messages}): delivery p50`, ours: round(f.paced.p50, 1), unit: 'ms' },
    { metric: 'paced: delivery p99', ours: round(f.paced.p99, 1), unit: 'ms' },
    { metric: 'paced: POST answered p50', ours: round(f.paced.ackP50, 1), unit: 'ms' },
    { metric: `burst (${config.FANOUT_CONCURRENCY} in flight, n=${f.burst.messages}): messages accepted`, ours: round(f.burst.acceptedPerSec, 1), unit: 'msg/s' },
    { metric: 'burst: messages fanned out to every stream', ours: round(f.burst.fannedOutPerSec, 1), unit: 'msg/s' },
    { metric: 'burst: event deliveries', ours: round(f.burst.deliveriesPerSec, 0), unit: 'events/s' },
    { metric: 'burst: delivery p50', ours: round(f.burst.p50, 1), unit: 'ms' },
    { metric: 'burst: delivery p99', ours: round(f.burst.p99, 1), unit: 'ms' },
    { metric: 'burst: deliveries missing', ours: f.paced.missing + f.burst.missing, unit: 'count' },
    { metric: `server RSS idle → with ${f.streams} streams after burst`, ours: `${round(f.serverRssIdleMb, 0)} → ${round(f.serverRssMb, 0)}`, unit: 'MiB' },
  ]
}

function storeRows(s: StoreCostReport): Row[] {
  const rows: Row[] = [{ metric: `STORE (one message.created event, median of runs of ${s.events})`, ours: '', unit: '' }]
  for (const [loaded, micros] of Object.entries(s.trimmed)) {
    rows.push({ metric: `${loaded} messages loaded → per event, at the bottom (trimOlder)`, ours: micros, unit: 'µs' })
  }
  for (const [loaded, micros] of Object.entries(s.untrimmed)) {
    rows.push({ metric: `${loaded} messages loaded → per event, all kept (scrolled to the top)`, ours: micros, unit: 'µs' })
  }
  return rows
}

async function main() {
  ensureBuild()
  const t0 = performance.now()
  log('sizes…')
  const sizes = measureSizes(root)
  log(`  done in ${seconds(t0)}`)

  log('store…')
  const storeCost = await measureStoreCost()

  const t1 = performance.now()
  log('browser…')
  const stack = await startBenchStack(root)
  const browser = await launchChromium()
  let browserReport: BrowserReport
  try {
    browserReport = await measureBrowser(browser, stack, log)
  } finally {
    await browser.close()
    await stack.close()
  }
  log(`  done in ${seconds(t1)}`)

  const t2 = performance.now()
  log('server fan-out…')
  const fanout = await measureFanout(root)
  log(`  done in ${seconds(t2)}`)

  const rows = [...sizeRows(sizes, browserReport), ...storeRows(storeCost), ...browserRows(browserReport), ...fanoutRows(fanout)]
  const totalSeconds = round((performance.now() - started) / 1000, 1)
  const cpu = cpus()
  const results = {
    date: new Date().toISOString(),
    totalSeconds,
    machine: {
      os: `${platform()} ${release()}`,
      cpuModel: cpu[0]?.model ?? 'unknown',
      cpuCount: cpu.length,
      totalMemoryMiB: Math.round(totalmem() / 2 ** 20),
      node: process.version,
      chromium: browserReport.chromium,
    },
    config: { ...config },
    table: rows.filter((r) => r.unit !== '' || r.ours !== '').map((r) => ({ ...r, ratio: ratioOf(r) || undefined })),
    sizes: { ...sizes, fetchedByVisitor: fetchedSizes(sizes, browserReport) },
    store: storeCost,
    browser: browserReport,
    fanout,
  }
  writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n')
  console.log(renderTable(rows))
  console.log(
    `\n${results.machine.cpuModel} ×${results.machine.cpuCount}, ${results.machine.totalMemoryMiB} MiB, node ${process.version}, Chromium ${browserReport.chromium}; ${results.date}; total ${totalSeconds} s. Figures in bench/results.json.`,
  )
  // Keep-alive sockets and timers of the fan-out would otherwise hold the process open.
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
