import { render } from 'preact'
import { createStore } from 'zustand/vanilla'
import type { Locale, Translate } from '../i18n/translate'
import type { ChatStore } from '../store/types'
import { App, type ViewState } from './app'
import { listenForCheckoutHints } from './checkout-hint'
import { css } from './styles'
import { Widget } from './widget-context'

export interface MountOptions {
  store: ChatStore
  apiBase: string
  locale: Locale
  /** The strings of `locale`; passed in so the script-tag build can bring only the visitor's catalog. */
  t: Translate
  position: 'left' | 'right'
  /** `#rgb` or `#rrggbb`; anything else is ignored. */
  color?: string | undefined
  /** Render into this element instead of a new one at the end of `document.body`. */
  target?: HTMLElement | undefined
  onOpenChange?: (open: boolean) => void
}

const HEX_COLOR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i

export interface WidgetView {
  open(): void
  close(): void
  destroy(): void
}

/** Puts the UI in an open Shadow DOM, styled by an adopted sheet (CSP-safe: no inline <style>). */
export function mountWidget(options: MountOptions): WidgetView {
  const host = document.createElement('paychat-widget')
  host.dataset.position = options.position
  // An explicit colour wins; else the brand's, once the session says what it is.
  const setAccent = (color: string | undefined) => {
    if (color && HEX_COLOR.test(color)) host.style.setProperty('--pc-accent', color)
  }
  const explicitColor = options.color !== undefined && HEX_COLOR.test(options.color)
  setAccent(options.color)
  const unsubscribeBrand = options.store.subscribe((state, previous) => {
    if (!explicitColor && state.brand !== previous.brand) setAccent(state.brand?.color)
  })
  ;(options.target ?? document.body).append(host)

  const root = host.attachShadow({ mode: 'open' })
  adoptStyles(root)

  const view = createStore<ViewState>(() => ({ open: false }))
  const unsubscribeView = view.subscribe((state, previous) => {
    if (state.open !== previous.open) options.onOpenChange?.(state.open)
  })
  const stopHints = listenForCheckoutHints(options.store, options.apiBase)
  const context = { store: options.store, locale: options.locale, t: options.t }
  render(
    <Widget.Provider value={context}>
      <App view={view} />
    </Widget.Provider>,
    root,
  )

  return {
    open: () => view.setState({ open: true }),
    close: () => view.setState({ open: false }),
    destroy() {
      stopHints()
      unsubscribeView()
      unsubscribeBrand()
      render(null, root)
      host.remove()
    },
  }
}

function adoptStyles(root: ShadowRoot) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [sheet]
  } else {
    const style = document.createElement('style')
    style.textContent = css
    root.append(style)
  }
}
