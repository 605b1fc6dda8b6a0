import type { Browser, BrowserContext, Page } from 'playwright-core'
import { addMessage, startSession } from '../src/server/conversations'
import { EVENTS, FRAME_BUDGET_MS, HEAP_MESSAGES, LONG_CONVERSATION, OPERATOR_TOKEN, RUNS, SETTLE_MS, WIDGET_KEY } from './config'
import {
  countShadowDom,
  readBench,
  scrollToTop,
  timeOperatorEvents,
  waitForText,
  watchComposerFocus,
  type DomCount,
  type EventTiming,
  type ScrollResult,
} from './page-scripts'
import type { BenchStack } from './stack'

/** esbuild (tsx) names nested functions with `__name(...)`; give evaluated functions one in the page. */
const NAME_SHIM = 'window.__name = window.__name || function (f) { return f };'

async function newPage(browser: Browser, init?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(NAME_SHIM + (init ?? ''))
  return { context, page: await context.newPage() }
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize
}

/** The launcher: the widget's first button (Playwright's CSS pierces the open shadow root). */
const launcher = (page: Page) => page.locator('paychat-widget button').first()

export interface LoadRun {
  /** Inline script before the tag ran → launcher painted. */
  tagToLauncher: number | null
  /** paychat.js fully received → launcher painted (parse, execute, render). */
  scriptReceivedToLauncher: number | null
  longTasks: number
  longTaskMs: number
  blockingMs: number
  cls: number
  lcp: number | null
  lcpElement: string | null
  heap: number
  clickToComposer: number | null
  events: EventTiming[]
  /** Script and style paths fetched from the API origin by the end of the run (load, open, events). */
  fetched: string[]
  /** Those fetched before the launcher was clicked (the page only loaded). */
  fetchedBeforeOpen: string[]
}

/** One cold load of the shop (fresh context, no cache): load, settle, then open and time events. */
async function loadRun(browser: Browser, stack: BenchStack, widget: boolean, eventCount: number): Promise<LoadRun> {
  const { context, page } = await newPage(browser)
  try {
    await page.goto(widget ? stack.withWidget : stack.withoutWidget, { waitUntil: 'load' })
    if (widget) await page.waitForFunction(() => (window as unknown as { __bench: { launcherPaintedAt?: number } }).__bench.launcherPaintedAt, null, { timeout: 15_000 })
    await page.waitForTimeout(SETTLE_MS)
    const bench = await page.evaluate(readBench)
    const heap = await heapAfterGc(page)
    const run: LoadRun = {
      tagToLauncher: bench.launcherPaintedAt !== undefined && bench.tagAt !== undefined ? bench.launcherPaintedAt - bench.tagAt : null,
      scriptReceivedToLauncher:
        bench.launcherPaintedAt !== undefined && bench.scriptTiming ? bench.launcherPaintedAt - bench.scriptTiming.responseEnd : null,
      longTasks: bench.longTasks.length,
      longTaskMs: bench.longTasks.reduce((sum, t) => sum + t.duration, 0),
      blockingMs: bench.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      cls: bench.cls,
      lcp: bench.lcp ?? null,
      lcpElement: bench.lcpElement ?? null,
      heap,
      clickToComposer: null,
      events: [],
      fetched: [],
      fetchedBeforeOpen: bench.fetched.filter((f) => f.origin === stack.apiBase).map((f) => f.path),
    }
    if (!widget) return run

    const focus = page.evaluate(watchComposerFocus, 10_000)
    await launcher(page).click()
    const focused = await focus
    run.clickToComposer = focused ? focused.paintedAt - focused.clickAt : null

    if (eventCount > 0) {
      await page.waitForFunction(() => (window as unknown as { __bench: { conversationId?: string } }).__bench.conversationId, null, { timeout: 10_000 })
      const { conversationId } = await page.evaluate(readBench)
      run.events = await page.evaluate(timeOperatorEvents, {
        apiBase: stack.apiBase,
        conversationId: conversationId!,
        operatorToken: OPERATOR_TOKEN,
        count: eventCount,
        warmup: 2,
        tag: 'bench-event',
      })
    }
    const { fetched } = await page.evaluate(readBench)
    run.fetched = fetched.filter((f) => f.origin === stack.apiBase).map((f) => f.path)
    return run
  } finally {
    await context.close()
  }
}

export interface LongConversationRun {
  clickToPainted: number | null
  loadToPainted: number | null
  dom: DomCount
  scroll: ScrollResult | null
  oldestShown: boolean
}

/** A seeded conversation of `LONG_CONVERSATION` messages, resumed by its session token. */
function seedLongConversation(stack: BenchStack): { token: string; first: string; last: string } {
  const { body } = startSession(stack.state, { widgetKey: WIDGET_KEY })
  const id = body.conversation.id
  const text = (i: number) => `long-${String(i).padStart(5, '0')} ${i % 7 === 0 ? 'a somewhat longer message that wraps over two lines in the panel, to vary heights' : 'ok'}`
  for (let i = 0; i < LONG_CONVERSATION; i++) {
    addMessage(stack.state, id, { author: i % 2 ? { role: 'visitor', name: null } : { role: 'operator', name: 'Bean Bros' }, text: text(i) })
  }
  return { token: body.session.token, first: text(0), last: text(LONG_CONVERSATION - 1) }
}

async function longConversationRun(browser: Browser, stack: BenchStack, seed: { token: string; first: string; last: string }): Promise<LongConversationRun> {
  const init = `try { if (location.pathname === '/shop') localStorage.setItem(${JSON.stringify(`paychat:${WIDGET_KEY}:session`)}, ${JSON.stringify(JSON.stringify({ token: seed.token }))}) } catch (e) {}`
  const { context, page } = await newPage(browser, init)
  try {
    await page.goto(stack.withWidget, { waitUntil: 'load' })
    await page.waitForFunction(() => (window as unknown as { __bench: { hostEvents: [string, number][] } }).__bench.hostEvents.some((e) => e[0] === 'ready'), null, { timeout: 20_000 })
    const ready = await page.evaluate(readBench)
    const painted = page.evaluate(waitForText, { text: seed.last.slice(0, 11), timeoutMs: 20_000 })
    const clickAt = await page.evaluate(() => performance.now())
    await launcher(page).click()
    const paintedAt = await painted
    const dom = await page.evaluate(countShadowDom)
    const scroll = await page.evaluate(scrollToTop, { stepPx: 400, maxSteps: 3_000, budgetMs: FRAME_BUDGET_MS })
    const oldestShown = await page.evaluate((text) => (document.querySelector('paychat-widget')?.shadowRoot?.textContent ?? '').includes(text), seed.first.slice(0, 11))
    return {
      clickToPainted: paintedAt === null ? null : paintedAt - clickAt,
      loadToPainted: paintedAt === null || ready.tagAt === undefined ? null : paintedAt - ready.tagAt,
      dom,
      scroll,
      oldestShown,
    }
  } finally {
    await context.close()
  }
}

export interface HeapRun {
  before: number
  after: number
  /** From the first of the burst being added on the server to the last one painted. */
  burstMs: number | null
  longTasks: number
  dom: DomCount
}

/** An open widget receives HEAP_MESSAGES operator messages at once; JS heap (after GC) before and after. */
async function heapRun(browser: Browser, stack: BenchStack): Promise<HeapRun> {
  const { context, page } = await newPage(browser)
  try {
    await page.goto(stack.withWidget, { waitUntil: 'load' })
    await page.waitForFunction(() => (window as unknown as { __bench: { conversationId?: string } }).__bench.conversationId, null, { timeout: 15_000 })
    await launcher(page).click()
    await page.waitForTimeout(300)
    const { conversationId, longTasks: tasksBefore } = await page.evaluate(readBench)
    const before = await heapAfterGc(page)
    const last = `heap-${HEAP_MESSAGES - 1}-end`
    const shown = page.evaluate(waitForText, { text: last, timeoutMs: 60_000 })
    const startedAt = await page.evaluate(() => performance.now())
    for (let i = 0; i < HEAP_MESSAGES; i++) {
      addMessage(stack.state, conversationId!, { author: { role: 'operator', name: 'Bean Bros' }, text: i === HEAP_MESSAGES - 1 ? last : `heap-${i} message` })
    }
    const shownAt = await shown
    const after = await heapAfterGc(page)
    const bench = await page.evaluate(readBench)
    return {
      before,
      after,
      burstMs: shownAt === null ? null : shownAt - startedAt,
      longTasks: bench.longTasks.length - tasksBefore.length,
      dom: await page.evaluate(countShadowDom),
    }
  } finally {
    await context.close()
  }
}

export interface BrowserReport {
  chromium: string
  withWidget: LoadRun[]
  withoutWidget: LoadRun[]
  longConversation: LongConversationRun[]
  heap: HeapRun[]
}

export async function measureBrowser(browser: Browser, stack: BenchStack, log: (line: string) => void): Promise<BrowserReport> {
  const perRun = Math.ceil(EVENTS / RUNS)
  const withWidget: LoadRun[] = []
  const withoutWidget: LoadRun[] = []
  // Interleaved, so whatever else the machine does falls on both alike.
  for (let i = 0; i < RUNS; i++) {
    withoutWidget.push(await loadRun(browser, stack, false, 0))
    withWidget.push(await loadRun(browser, stack, true, perRun))
  }
  log(`  host page with and without the widget: ${RUNS} + ${RUNS} loads, ${perRun * RUNS} events`)
  const seed = seedLongConversation(stack)
  const longConversation: LongConversationRun[] = []
  for (let i = 0; i < RUNS; i++) longConversation.push(await longConversationRun(browser, stack, seed))
  log(`  ${LONG_CONVERSATION}-message conversation: ${RUNS} opens`)
  const heap: HeapRun[] = []
  for (let i = 0; i < RUNS; i++) heap.push(await heapRun(browser, stack))
  log(`  ${HEAP_MESSAGES} messages into an open widget: ${RUNS} runs`)
  return { chromium: browser.version(), withWidget, withoutWidget, longConversation, heap }
}
