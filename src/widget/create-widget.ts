import { translator } from '../i18n/translate'
import type { IdentifyBody } from '../protocol/types'
import type { KeyValueStorage, PaychatEventMap } from '../store/types'
import { adoptWithFallback, checkOptions, lookOfOptions } from './options'
import { browserStorage, startWidget } from './start-widget'

export interface WidgetOptions {
  /** The brand's widget key, e.g. `wk_demo`. */
  widgetKey: string
  /** Origin of the Paychat API, e.g. `https://chat.example.com`. */
  apiBase: string
  /** The element the widget's host is put in (default: the end of `document.body`); with `inline`, where the chat renders. */
  target?: HTMLElement
  /** `en`, `ja`, `es` or `zh`; defaults to the page's `lang`, then the browser's languages. */
  locale?: string
  /** The launcher's corner: `right` (default) or `left`. (`data-position`) */
  position?: 'left' | 'right'
  /** Accent colour, `#rgb` or `#rrggbb`; the brand's when absent. (`data-color`) */
  color?: string
  /** Distance from the page's edges in px: one number for both, or `[side, bottom]`; default 20 (12 on narrow screens). (`data-offset="24"` or `"24 80"`) */
  offset?: number | [side: number, bottom: number]
  /** The widget's `z-index`; default 2147483000, above nearly everything. (`data-z-index`) */
  zIndex?: number
  /** Text shown beside the launcher's icon, and its accessible name; default none (the name is "Open chat"). (`data-label`) */
  label?: string
  /** Opens the chat as soon as it is mounted (without moving focus into it). (`data-open`) */
  open?: boolean
  /** Renders the open chat inside `target`, filling it, instead of a launcher floating over the page. (`data-inline="#selector"`) */
  inline?: boolean
  /**
   * `light`, `dark` or `auto` (the system's, the default); or an object with that `scheme` and `--pc-*`
   * custom properties. (`data-theme` takes the scheme; on a page, set the properties in its CSS on `paychat-widget`.)
   */
  theme?: ThemeScheme | Theme
  /** A short beep when a message arrives while the chat is closed; off by default. (`data-sound`) */
  sound?: boolean
  /** Where the session token is kept across reloads; defaults to `localStorage`. `null` keeps it in memory. */
  storage?: KeyValueStorage | null
  /**
   * `required`: the launcher shows, but nothing is stored and no request is made until `widget.consent(true)`
   * (a click before then opens the chat once consent is given). (`data-consent="required"`)
   */
  consent?: 'required' | 'granted'
}

/** `auto` follows the visitor's system (`prefers-color-scheme`). */
export type ThemeScheme = 'light' | 'dark' | 'auto'

/** A scheme and custom properties of the widget's stylesheet, e.g. `{ scheme: 'dark', '--pc-accent': '#0a7d4f' }`. */
export interface Theme {
  scheme?: ThemeScheme
  [property: `--pc-${string}`]: string | undefined
}

export interface PaychatWidget {
  open(): void
  close(): void
  /** Listens to a widget event; returns a function that stops listening. */
  on<K extends keyof PaychatEventMap>(name: K, handler: (payload: PaychatEventMap[K]) => void): () => void
  destroy(): void
  /**
   * Identifies the signed-in visitor: `userHash` is the hex HMAC-SHA256 of `email` with the brand's
   * identity secret, made on the host's server. Never rejects: a failure is logged (console.error) with the server's sentence.
   */
  identify(visitor: IdentifyBody): Promise<void>
  /** With `consent: 'required'`: `true` starts the chat (and storage); `false` keeps it off. */
  consent(granted: boolean): void
}

/** Mounts the chat widget and starts its conversation. Browser only; importing this module does nothing. */
export function createWidget(options: WidgetOptions): PaychatWidget {
  checkOptions(options)
  // Look and placement: a value it cannot use is warned about and ignored, never thrown.
  // consent: 'required': storage stays shut (reads nothing, writes nothing) until consent is given.
  let consented = options.consent !== 'required'
  const storage = options.storage === undefined ? browserStorage() : options.storage
  const gated: KeyValueStorage | null = storage && {
    getItem: (key) => (consented ? storage.getItem(key) : null),
    setItem: (key, value) => void (consented && storage.setItem(key, value)),
    removeItem: (key) => void (consented && storage.removeItem(key)),
  }
  const { start, ...widget } = startWidget({ ...options, storage: gated }, translator, lookOfOptions(options), adoptWithFallback, !consented)
  let started = consented
  return {
    ...widget,
    consent(granted) {
      consented = granted === true
      if (consented && !started) void start(), (started = true)
    },
    on(name, handler) {
      if (typeof handler !== 'function') throw new TypeError(`Paychat: on("${String(name)}", handler) needs a function.`)
      return widget.on(name, handler)
    },
  }
}
