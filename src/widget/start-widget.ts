import { createClient } from '../client/index'
import { resolveLocale, type Locale, type Translate } from '../i18n/locale'
import { createChatStore } from '../store/index'
import type { KeyValueStorage, PaychatEventMap } from '../store/types'
import type { PaychatWidget, WidgetOptions } from './create-widget'
import { createEmitter } from './emitter'
import { mountWidget } from './mount-widget'

const EXAMPLE = '{ widgetKey: "wk_demo", apiBase: "https://chat.example.com" }'

/**
 * `createWidget` with the strings supplied by the caller. A module apart from create-widget.ts, which
 * brings every catalog: the script-tag build (src/widget/script-entry.ts) passes the one catalog it
 * loaded, and a static import of the others would pull them into its bundle. Not in the npm API.
 */
export function startWidget(options: WidgetOptions, translate: (locale: Locale) => Translate): PaychatWidget {
  if (typeof document === 'undefined') {
    throw new Error('createWidget needs a browser: call it on the client, not during server rendering.')
  }
  const { widgetKey, apiBase } = options ?? {}
  if (typeof widgetKey !== 'string' || !widgetKey.trim()) {
    throw new TypeError(`createWidget: widgetKey must be a non-empty string, e.g. ${EXAMPLE}`)
  }
  if (typeof apiBase !== 'string' || !isAbsoluteUrl(apiBase)) {
    throw new TypeError(`createWidget: apiBase must be an absolute URL, e.g. ${EXAMPLE}`)
  }
  // nodeType rather than instanceof: an element of another frame is still an element.
  if (options.target != null && (options.target as Partial<Node>).nodeType !== 1) {
    throw new TypeError(`createWidget: target must be an element, e.g. { ..., target: document.getElementById("chat") }`)
  }
  if (options.position !== undefined && options.position !== 'left' && options.position !== 'right') {
    throw new TypeError(`createWidget: position must be "left" or "right", not ${JSON.stringify(options.position)}`)
  }

  const events = createEmitter<PaychatEventMap>()
  const client = createClient({ widgetKey, apiBase })
  const locale = resolveLocale(options.locale, document.documentElement.lang, navigator.languages)
  const store = createChatStore({
    client,
    storage: options.storage === undefined ? browserStorage() : options.storage,
    locale,
    emit: events.emit,
  })
  const view = mountWidget({
    store,
    apiBase,
    locale,
    t: translate(locale),
    position: options.position ?? 'right',
    color: options.color,
    target: options.target,
    onOpenChange: (open) => events.emit(open ? 'open' : 'close', {}),
  })
  void store.getState().start()

  return {
    open: view.open,
    close: view.close,
    on: events.on,
    destroy() {
      store.getState().stop()
      view.destroy()
      events.clear()
    },
  }
}

// Not `URL.canParse`: Safari before 17 and Chrome before 120 lack it.
function isAbsoluteUrl(url: string): boolean {
  try {
    new URL(url)
    return true
  } catch {
    return false
  }
}

/** localStorage, unless the page forbids it (sandboxed frames and some privacy modes throw). */
function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
