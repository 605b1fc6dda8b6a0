import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Locale, Translate } from '../i18n/translate'
import type { ChatStore } from '../store/types'

export interface WidgetContext {
  store: ChatStore
  locale: Locale
  t: Translate
}

export const Widget = createContext<WidgetContext>(null as unknown as WidgetContext)

export const useWidget = () => useContext(Widget)
