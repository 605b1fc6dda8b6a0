import { translator } from '../i18n/translate'
import type { KeyValueStorage, PaychatEventMap } from '../store/types'
import { startWidget } from './start-widget'

export interface WidgetOptions {
  /** The brand's widget key, e.g. `wk_demo`. */
  widgetKey: string
  /** Origin of the Paychat API, e.g. `https://chat.example.com`. */
  apiBase: string
  /** Render inside this element instead of floating over the page. */
  target?: HTMLElement
  /** `en`, `ja`, `es` or `zh`; defaults to the page's `lang`, then the browser's languages. */
  locale?: string
  position?: 'left' | 'right'
  /** Accent colour, `#rrggbb`. */
  color?: string
  /** Where the session token is kept across reloads; defaults to `localStorage`. `null` keeps it in memory. */
  storage?: KeyValueStorage | null
}

export interface PaychatWidget {
  open(): void
  close(): void
  /** Listens to a widget event; returns a function that stops listening. */
  on<K extends keyof PaychatEventMap>(name: K, handler: (payload: PaychatEventMap[K]) => void): () => void
  destroy(): void
}

/** Mounts the chat widget and starts its conversation. Browser only; importing this module does nothing. */
export function createWidget(options: WidgetOptions): PaychatWidget {
  return startWidget(options, translator)
}
