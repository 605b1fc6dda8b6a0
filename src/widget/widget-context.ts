import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Locale, Translate } from '../i18n/translate'
import type { ChatStore } from '../store/types'
import type { Look } from './look'
import { storeSignals, type ChatSignals } from './store-signals'
import { createView, type View } from './view-state'

/** What every component of a mounted widget reads: the conversation as signals, the widget's own state, its words. */
export interface WidgetContext {
  /** For the store's actions (`store.getState().send(…)`); components read state from `chat`. */
  store: ChatStore
  chat: ChatSignals
  view: View
  locale: Locale
  t: Translate
}

export const Widget = createContext<WidgetContext>(null as unknown as WidgetContext)

export const useWidget = () => useContext(Widget)

/** The context of a widget on `store`; `dispose` ends its signals' link to the store and the view's effects. */
export function widgetContext(
  store: ChatStore,
  locale: Locale,
  t: Translate,
  look: Pick<Look, 'inline' | 'open'> = {},
): WidgetContext & { dispose(): void } {
  const { chat, dispose } = storeSignals(store)
  const view = createView(chat, look)
  return {
    store,
    chat,
    view,
    locale,
    t,
    dispose() {
      view.dispose()
      dispose()
    },
  }
}
