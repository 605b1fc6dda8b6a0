/**
 * Functions run inside the host page (passed to page.evaluate). They only use what the page has:
 * `window.__bench` (set up by the shop page's head) and the widget's open shadow root.
 */

export interface BenchState {
  longTasks: { start: number; duration: number }[]
  cls: number
  shifts: number
  /** The page's Largest Contentful Paint so far, and what it was. */
  lcp?: number
  lcpElement?: string
  hostEvents: [string, number][]
  tagAt?: number
  launcherInDomAt?: number
  launcherPaintedAt?: number
  conversationId?: string
}

type BenchWindow = Window & { __bench: BenchState; __afterPaint(): Promise<number> }

export interface BenchReading extends BenchState {
  scriptTiming: { startTime: number; responseEnd: number } | null
  /** Scripts and stylesheets the page fetched, by URL path, with their decoded size. */
  fetched: { path: string; origin: string; bytes: number }[]
}

export function readBench(): BenchReading {
  const w = window as unknown as BenchWindow
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
  const script = resources.find((e) => /\/paychat\.js(\?|$)/.test(e.name))
  const fetched = resources
    .map((e) => ({ url: new URL(e.name), bytes: e.decodedBodySize }))
    .filter((e) => /\.(js|css)$/.test(e.url.pathname))
    .map((e) => ({ path: e.url.pathname, origin: e.url.origin, bytes: e.bytes }))
  return { ...w.__bench, scriptTiming: script ? { startTime: script.startTime, responseEnd: script.responseEnd } : null, fetched }
}

/** Resolves when the launcher has been clicked and the shadow root's textarea holds focus and is painted. */
export function watchComposerFocus(timeoutMs: number): Promise<{ clickAt: number; focusedAt: number; paintedAt: number } | null> {
  const w = window as unknown as BenchWindow
  return new Promise((resolve) => {
    let clickAt: number | null = null
    let done = false
    const finish = (value: { clickAt: number; focusedAt: number; paintedAt: number } | null) => {
      if (done) return
      done = true
      resolve(value)
    }
    window.addEventListener('click', (e) => (clickAt ??= e.timeStamp), { capture: true })
    const check = () => {
      if (done) return
      const active = document.querySelector('paychat-widget')?.shadowRoot?.activeElement
      if (clickAt !== null && active?.tagName === 'TEXTAREA') {
        const focusedAt = performance.now()
        const at = clickAt
        void w.__afterPaint().then((paintedAt) => finish({ clickAt: at, focusedAt, paintedAt }))
        return true
      }
      return false
    }
    document.addEventListener('focusin', check)
    const poll = () => {
      if (!check() && !done) requestAnimationFrame(poll)
    }
    poll()
    setTimeout(() => finish(null), timeoutMs)
  })
}

export interface EventTiming {
  /** The POST answered (the server accepted and emitted the event). */
  ack: number
  /** The message's node was in the shadow root. */
  dom: number
  /** The frame after that was painted. */
  painted: number
}

/**
 * Posts `count` operator messages one at a time from this page and times each from the moment the
 * POST starts to the paint after its text appears in the widget (plus `warmup` untimed first).
 */
export async function timeOperatorEvents(args: {
  apiBase: string
  conversationId: string
  operatorToken: string
  count: number
  warmup: number
  tag: string
}): Promise<EventTiming[]> {
  const w = window as unknown as BenchWindow
  const root = document.querySelector('paychat-widget')!.shadowRoot!
  const timings: EventTiming[] = []
  for (let i = -args.warmup; i < args.count; i++) {
    const text = `${args.tag} ${i} ${Math.random().toString(36).slice(2, 8)}`
    const seen = new Promise<number>((resolve) => {
      const has = (node: Node | null) => !!node && (node.textContent ?? '').includes(text)
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          if (has(r.target) || [...r.addedNodes].some(has)) {
            observer.disconnect()
            resolve(performance.now())
            return
          }
        }
      })
      observer.observe(root, { childList: true, subtree: true, characterData: true })
    })
    const started = performance.now()
    const ack = fetch(`${args.apiBase}/v1/operator/conversations/${args.conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${args.operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    }).then((res) => {
      if (!res.ok) throw new Error(`POST -> ${res.status}`)
      return performance.now()
    })
    const dom = await Promise.race([seen, new Promise<number>((_, fail) => setTimeout(() => fail(new Error(`"${text}" never appeared`)), 10_000))])
    const painted = await w.__afterPaint()
    const acked = await ack
    if (i >= 0) timings.push({ ack: acked - started, dom: dom - started, painted: painted - started })
  }
  return timings
}

/** Waits until `text` is in the shadow root, then for the paint after; the time of that paint. */
export function waitForText(args: { text: string; timeoutMs: number }): Promise<number | null> {
  const w = window as unknown as BenchWindow
  return new Promise((resolve) => {
    const deadline = performance.now() + args.timeoutMs
    const poll = () => {
      const root = document.querySelector('paychat-widget')?.shadowRoot
      if (root && (root.textContent ?? '').includes(args.text)) return void w.__afterPaint().then(resolve)
      if (performance.now() > deadline) return resolve(null)
      requestAnimationFrame(poll)
    }
    poll()
  })
}

export interface DomCount {
  elements: number
  nodes: number
  rows: number
}

export function countShadowDom(): DomCount {
  const root = document.querySelector('paychat-widget')?.shadowRoot
  if (!root) return { elements: 0, nodes: 0, rows: 0 }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL)
  let nodes = 0
  while (walker.nextNode()) nodes++
  return { elements: root.querySelectorAll('*').length, nodes, rows: root.querySelectorAll('li').length }
}

export interface ScrollResult {
  steps: number
  frames: number
  slowFrames: number
  /** Frames longer than one and a half budgets: at least one vsync was missed. */
  missedFrames: number
  worstFrame: number
  longTasks: number
  longTaskMs: number
  reachedTop: boolean
  scrollHeight: number
}

/**
 * Scrolls the message list to the top `stepPx` per frame, timing every frame and counting long tasks.
 * Stops when the top stays put for 10 frames (older pages, if any load, would move it) or after `maxSteps`.
 */
export function scrollToTop(args: { stepPx: number; maxSteps: number; budgetMs: number }): Promise<ScrollResult | null> {
  const root = document.querySelector('paychat-widget')?.shadowRoot
  const list =
    (root?.querySelector('[role="log"]') as HTMLElement | null) ??
    ([...(root?.querySelectorAll<HTMLElement>('*') ?? [])].find((e) => e.scrollHeight > e.clientHeight + 1) ?? null)
  if (!list) return Promise.resolve(null)
  const longTasks: number[] = []
  const observer = new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration)))
  observer.observe({ type: 'longtask' })
  return new Promise((resolve) => {
    const deltas: number[] = []
    let steps = 0
    let still = 0
    let last = performance.now()
    const frame = (now: number) => {
      deltas.push(now - last)
      last = now
      if (list.scrollTop <= 0) still++
      else still = 0
      if (still >= 10 || steps >= args.maxSteps) {
        observer.disconnect()
        const slow = deltas.slice(1).filter((d) => d > args.budgetMs)
        return resolve({
          steps,
          frames: deltas.length - 1,
          slowFrames: slow.length,
          missedFrames: slow.filter((d) => d > args.budgetMs * 1.5).length,
          worstFrame: Math.max(0, ...deltas.slice(1)),
          longTasks: longTasks.length,
          longTaskMs: longTasks.reduce((a, b) => a + b, 0),
          reachedTop: list.scrollTop <= 0,
          scrollHeight: list.scrollHeight,
        })
      }
      if (list.scrollTop > 0) {
        list.scrollTop = Math.max(0, list.scrollTop - args.stepPx)
        steps++
      }
      requestAnimationFrame(frame)
    }
    requestAnimationFrame((now) => {
      last = now
      requestAnimationFrame(frame)
    })
  })
}
