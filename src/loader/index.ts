import { resolveLocale } from '../i18n/locale'
import type { MountedWidget } from '../widget/script-entry'
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

/**
 * Marks our `window.Paychat`, so a second copy of the script on the page recognises the first. A plain
 * property of our own function (the stub's has none): a Symbol.for would cost bytes on every page.
 */
const LOADED = 'paychat'
/** The widget chunk's file name, next to `paychat.js` (see vite.widget.config.ts). */
const CHUNK = 'paychat-widget.js'

/** Handled here; any other command (`identify`, …) goes to the widget, queued until it is mounted. */
type Command = 'open' | 'close' | 'on' | 'shutdown' | 'boot' | 'consent' | (string & {})
type PaychatFunction = ((command: Command, ...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[]; [LOADED]?: true }
declare global {
  interface Window {
    Paychat?: PaychatFunction
  }
}

/**
 * A command for the widget, run once it is mounted: `on` (a host page's event handler, whose `off`
 * is the widget's once it has loaded), `identify`, or one the widget names as unknown.
 */
type Pending = [command: string, args: unknown[]] & { off?: unknown }

function install() {
  if (window.Paychat?.[LOADED]) return
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    [...document.querySelectorAll<HTMLScriptElement>('script[data-widget-key]')].pop()
  const data = script?.dataset
  if (!data?.widgetKey) {
    console.error('Paychat: the script tag needs data-widget-key="…".')
    return
  }
  const queued = window.Paychat?.q ?? []
  // The attributes go to the widget chunk as they are: it reads them into createWidget's options
  // (src/widget/look.ts) and warns about what it turns down. The launcher below reads only its look.
  const { src } = script!
  const chunkUrl = new URL(CHUNK, src)
  let chunk: Promise<WidgetChunk> | undefined
  let widget: MountedWidget | null = null
  /** The stand-in launcher's host until the widget replaces it. */
  let placeholder: HTMLElement | null = null
  /** A mount is under way for this placeholder. */
  let mounting: HTMLElement | null = null
  /** Open once mounted: the visitor clicked, or the page called open, while the chunk was loading. */
  let wantOpen = false
  /** data-consent="required": no chunk, no session, no storage until `Paychat('consent', true)`. */
  let consented = !data.consent
  /** Commands for the widget, sent on once it is mounted. */
  let pending: Pending[] = []

  const start = () => {
    const ours = placeholder
    if (!ours || mounting === ours || !consented) return
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
          for (const entry of pending) entry.off = mounted.run(entry[0], entry[1])
          pending = []
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
    if (!('deferSession' in data)) {
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
      case 'consent':
        consented = !!args[0]
        return start()
      case 'open':
        wantOpen = true
        show()
        start()
        return widget?.open()
      case 'close':
        wantOpen = false
        return widget?.close()
      case 'on': {
        if (typeof args[1] != 'function') throw new TypeError('Paychat: on() needs a function.')
        show()
        const entry: Pending = [command, args]
        if (widget) entry.off = widget.run(entry[0], entry[1])
        else pending.push(entry)
        // Before the widget is there, a handler taken off is not handed to it (`on` with no arguments is a no-op).
        return () => (entry.off ? (entry.off as () => void)() : (args.length = 0))
      }
      case 'shutdown':
        widget?.destroy()
        placeholder?.remove()
        widget = placeholder = mounting = null
        wantOpen = false
        pending = []
        // Logout: the next boot is a new visitor, with a new conversation.
        try {
          for (const kept of ['session', 'outbox']) localStorage.removeItem(`paychat:${data.widgetKey}:${kept}`)
        } catch {}
        // Unbranded, a later copy of the script (say, with another widget key) may take over.
        delete Paychat[LOADED]
        return
      case 'boot':
        show()
        // Options identify the visitor: `{ name, email, userHash }`, as `identify` does.
        return void (args[0] && Paychat('identify', ...args))
      default:
        // The widget runs the rest and names an unknown command.
        return widget ? widget.run(command, args) : void pending.push([command, args])
    }
  }
  window.Paychat = Paychat
  show()
  // An async script may run before <body> exists; then the launcher waits for it.
  if (!document.body) addEventListener('DOMContentLoaded', () => Paychat[LOADED] && show())
  // `arguments` objects are iterable; the queue is an array.
  for (const args of queued as unknown as Iterable<unknown>[]) Paychat(...([...args] as [Command, ...unknown[]]))
}

install()
