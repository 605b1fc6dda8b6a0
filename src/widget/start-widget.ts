import { createClient } from '../client/index'
import { resolveLocale, type Locale, type Translate } from '../i18n/locale'
import { createChatStore } from '../store/index'
import type { KeyValueStorage, PaychatEventMap } from '../store/types'
import type { PaychatWidget, WidgetOptions } from './create-widget'
import { createEmitter } from './emitter'
import type { Look } from './look'
import { mountWidget, type MountOptions, type WidgetView } from './mount-widget'

/**
 * `createWidget` with the strings and the look supplied by the caller, and its options already
 * checked. A module apart from create-widget.ts, which brings every catalog (and the checks and
 * messages for developers): the script-tag build (src/widget/script-entry.ts) passes the one catalog
 * it loaded, and a static import of the others would pull them into its bundle. The `look` comes
 * from src/widget/look.ts: from the script tag's attributes, or from createWidget's options.
 * Not in the npm API.
 */
export function startWidget(
  options: WidgetOptions,
  translate: (locale: Locale) => Translate,
  look: Look,
  adopt?: MountOptions['adopt'],
  /** createWidget's `consent: 'required'`: no request until it calls `start`. */
  waitForConsent?: boolean,
): Omit<PaychatWidget, 'consent'> & { start(): Promise<void> } {
  const { widgetKey, apiBase } = options

  const events = createEmitter<PaychatEventMap>()
  const client = createClient({ widgetKey, apiBase })
  const locale = resolveLocale(options.locale, document.documentElement.lang, navigator.languages)
  let view: WidgetView | undefined
  const store = createChatStore({
    client,
    // With consent required, createWidget hands a storage that stays shut until consent.
    storage: options.storage === undefined ? browserStorage() : options.storage,
    locale,
    emit(name, payload) {
      events.emit(name, payload)
      if (name === 'message') view?.heard(payload as PaychatEventMap['message'])
    },
  })
  view = mountWidget({
    store,
    apiBase,
    locale,
    t: translate(locale),
    look,
    target: options.target,
    onOpenChange: (open) => events.emit(open ? 'open' : 'close', {}),
    onUnread: (count) => events.emit('unread', { count }),
    adopt,
  })
  const { start, identify } = store.getState()
  // Before consent, no request: the launcher shows, and the chat waits.
  if (!waitForConsent) void start()

  return {
    open: view.open,
    close: view.close,
    on: events.on,
    identify,
    start,
    destroy() {
      store.getState().stop()
      view.destroy()
      events.clear()
    },
  }
}

/** localStorage, unless the page forbids it (sandboxed frames and some privacy modes throw). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
