import { resolveLocale } from '../i18n/locale'
import type { PaychatEventMap } from '../store/types'
import type { PaychatWidget } from '../widget/create-widget'
import { importChunk, type WidgetChunk } from './import-chunk'
import { LAUNCHER_LABELS, renderLauncher } from './launcher'

/**
 * `paychat.js`: the script a website owner pastes, kept under 2 kB. It reads its own data- attributes,
 * replays the commands queued by the stub (`LOADER_STUB` in ./stub), defines `window.Paychat` (the
 * only global it adds) and draws the launcher itself. The widget (`paychat-widget.js`, next to this
 * file) is imported when the visitor clicks the launcher or calls `Paychat('open')`, or when the
 * browser is idle after `load`; with `data-defer-session`, only once the visitor points at or focuses
 * the launcher, so nothing is requested before the visitor shows interest.
 */

/** Marks our `window.Paychat`, so a second copy of the script on the page recognises the first. */
const LOADED = Symbol.for('paychat.widget')
/** The widget chunk's file name, next to `paychat.js` (see vite.widget.config.ts). */
const CHUNK = 'paychat-widget.js'

type Command = 'open' | 'close' | 'on' | 'shutdown' | 'boot'
type PaychatFunction = ((command: Command, ...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[]; [LOADED]?: true }
declare global {
  interface Window {
    Paychat?: PaychatFunction
  }
}

/** A host page's event handler; `off` is the widget's once it has loaded. */
interface Listener {
  name: keyof PaychatEventMap
  handler: (payload: unknown) => void
  off?: (() => void) | undefined
}

function install() {
  if (window.Paychat?.[LOADED]) return
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    [...document.querySelectorAll<HTMLScriptElement>('script[data-widget-key]')].pop()
  const data = script?.dataset
  if (!data?.widgetKey) {
    console.error('Paychat: add data-widget-key="…" to the script tag.')
    return
  }
  const queued = window.Paychat?.q ?? []
  // The attributes go to the widget chunk as they are: it reads them into createWidget's options
  // (src/widget/look.ts) and warns about what it turns down. The launcher below reads only its look.
  const { src } = script!
  const chunkUrl = new URL(CHUNK, src)
  const listeners = new Set<Listener>()
  let chunk: Promise<WidgetChunk> | undefined
  let widget: PaychatWidget | null = null
  /** The stand-in launcher's host until the widget replaces it. */
  let placeholder: HTMLElement | null = null
  /** A mount is under way for this placeholder. */
  let mounting: HTMLElement | null = null
  /** Open once mounted: the visitor clicked, or the page called open, while the chunk was loading. */
  let wantOpen = false

  const start = () => {
    const ours = placeholder
    if (!ours || mounting === ours) return
    mounting = ours
    // One import, memoised; forgotten on failure so the next click tries again.
    ;(chunk ??= importChunk(chunkUrl))
      .then((m) => (placeholder === ours ? m.mount(data, src, ours) : null))
      .then(
        (mounted) => {
          if (!mounted) return
          // Shut down while the catalog loaded: the page no longer wants a widget.
          if (placeholder !== ours) return mounted.destroy()
          widget = mounted
          placeholder = mounting = null
          for (const listener of listeners) listener.off = mounted.on(listener.name, listener.handler)
          if (wantOpen) mounted.open()
        },
        (error: unknown) => {
          chunk = undefined
          mounting = null
          console.error(error)
        },
      )
  }

  const show = () => {
    // (Re)branded whenever a widget may live, so a second copy of the script stays out.
    Paychat[LOADED] = true
    if (widget || placeholder || !document.body) return
    const { host, button } = renderLauncher(data, LAUNCHER_LABELS[resolveLocale(data.locale, document.documentElement.lang, navigator.languages)])
    placeholder = host
    button.onclick = () => {
      wantOpen = true
      start()
    }
    // Pointing at or focusing the launcher is the first sign of interest: fetch while the hand moves.
    button.onpointerenter = button.onfocus = start
    if (data.deferSession === undefined) {
      // Safari has no requestIdleCallback: setTimeout takes the same arguments (the object as no delay).
      const idle = () => (window.requestIdleCallback ?? setTimeout)(start, { timeout: 5000 } as never)
      // `load` and DOMContentLoaded come once: no `once` needed.
      if (document.readyState === 'complete') idle()
      else addEventListener('load', idle)
    }
    // Open on load and inline: the page wants the chat now; the widget opens it (src/widget/look.ts).
    if (wantOpen || 'open' in data || 'inline' in data) start()
  }

  const Paychat: PaychatFunction = (command, ...args) => {
    switch (command) {
      case 'boot':
        show()
        return
      case 'open':
        if (widget) return widget.open()
        wantOpen = true
        show()
        start()
        return
      case 'close':
        wantOpen = false
        return widget?.close()
      case 'on': {
        const [name, handler] = args as [Listener['name'], Listener['handler']]
        if (typeof handler !== 'function') throw new TypeError(`Paychat: on("${name}", handler) needs a function.`)
        show()
        const listener: Listener = { name, handler, off: widget?.on(name, handler) }
        listeners.add(listener)
        return () => {
          listeners.delete(listener)
          listener.off?.()
        }
      }
      case 'shutdown':
        widget?.destroy()
        placeholder?.remove()
        widget = placeholder = mounting = null
        wantOpen = false
        listeners.clear()
        // Unbranded, a later copy of the script (say, with another widget key) may take over.
        delete Paychat[LOADED]
        return
      default:
        console.error(`Paychat: unknown command ${command}; use "open", "close", "on", "shutdown" or "boot".`)
    }
  }
  window.Paychat = Paychat
  show()
  // An async script may run before <body> exists; then the launcher waits for it.
  if (!document.body) addEventListener('DOMContentLoaded', () => Paychat[LOADED] && show())
  for (const args of Array.from(queued)) Paychat(...(Array.from(args) as [Command, ...unknown[]]))
}

install()
