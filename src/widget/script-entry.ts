import { loadCatalog } from '../i18n/load-catalog'
import { fromCatalog, resolveLocale } from '../i18n/locale'
import type { PaychatWidget, WidgetOptions } from './create-widget'
import { startWidget } from './start-widget'

/**
 * `paychat-widget.js`: the chunk `paychat.js` imports when the visitor is about to chat. It brings
 * the visitor's catalog (English is inline), mounts the widget, and then removes the loader's
 * stand-in launcher in the same task, so the page never paints two launchers or none.
 */
export async function mount(options: WidgetOptions, placeholder: Element | null): Promise<PaychatWidget> {
  const catalog = await loadCatalog(resolveLocale(options.locale, document.documentElement.lang, navigator.languages))
  const focused = !!placeholder?.shadowRoot?.activeElement
  const widget = startWidget(options, () => fromCatalog(catalog))
  placeholder?.remove()
  // A keyboard user on the stand-in stays on the launcher that replaced it.
  if (focused) document.querySelector('paychat-widget')?.shadowRoot?.querySelector<HTMLElement>('.pc-launcher')?.focus()
  return widget
}
