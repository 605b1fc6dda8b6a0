import { loadCatalog } from '../i18n/load-catalog'
import { fromCatalog, resolveLocale } from '../i18n/locale'
import type { PaychatWidget, WidgetOptions } from './create-widget'
import { readLook, warn } from './look'
import { startWidget } from './start-widget'

/**
 * `paychat-widget.js`: the chunk `paychat.js` imports when the visitor is about to chat. It brings
 * the visitor's catalog (English is inline), mounts the widget, and then removes the loader's
 * stand-in launcher in the same task, so the page never paints two launchers or none. The loader hands
 * over the script tag's attributes as they are (`data`) and its URL (`src`): they are read here, with
 * warnings, so the loader carries no option parsing but what its launcher needs.
 */
/** The widget as the loader holds it: `run` takes the `Paychat(…)` commands the loader does not handle itself. */
export interface MountedWidget extends Omit<PaychatWidget, 'consent'> {
  run(command: string, args: unknown[]): unknown
}

export async function mount(data: DOMStringMap, src: string, placeholder: Element | null): Promise<MountedWidget> {
  // data-inline="#chat": the element to render in; one the page does not have leaves the chat floating.
  let target: HTMLElement | null = null
  try {
    // No data-inline: "undefined" is a selector that matches nothing.
    target = document.querySelector(data.inline!)
  } catch {
    // Not a selector: warned about below, like one that matches nothing.
  }
  if (data.inline != null && !target) warn('inline', data.inline, 'a selector on the page')
  // The attributes' names are the options' (data-z-index is zIndex); the API is where the script came from unless data-api says.
  const options = { ...(data as unknown as WidgetOptions), apiBase: data.api ?? new URL(src, location.href).origin, target: target ?? undefined }
  const catalog = await loadCatalog(resolveLocale(options.locale, document.documentElement.lang, navigator.languages))
  const focused = !!placeholder?.shadowRoot?.activeElement
  const widget = startWidget(options, () => fromCatalog(catalog), readLook(data, !!target))
  placeholder?.remove()
  // A keyboard user on the stand-in stays on the launcher that replaced it.
  if (focused) document.querySelector('paychat-widget')?.shadowRoot?.querySelector<HTMLElement>('.pc-launcher')?.focus()
  return {
    ...widget,
    // The commands are listed in the README.
    run: (command, args) =>
      /^(on|identify)$/.test(command)
        ? (widget[command as 'on'] as (...args: unknown[]) => unknown)(...args)
        : console.error('Paychat: unknown command ' + command),
  }
}
