import { effect, type ReadonlySignal } from '@preact/signals'
import { render } from 'preact'
import type { Locale, Translate } from '../i18n/translate'
import type { Message } from '../protocol/types'
import type { ChatStore } from '../store/types'
import { App } from './app'
import { listenForCheckoutHints } from './checkout-hint'
import { HEX_COLOR, type Look } from './look'
import { beep } from './sound'
import css from './widget.css?inline'
import { Widget, widgetContext } from './widget-context'

export interface MountOptions {
  store: ChatStore
  apiBase: string
  locale: Locale
  /** The strings of `locale`; passed in so the script-tag build can bring only the visitor's catalog. */
  t: Translate
  /** Placement, colours and behaviour, already checked (src/widget/look.ts). */
  look: Look
  /** Render into this element instead of a new one at the end of `document.body`. */
  target?: HTMLElement | undefined
  onOpenChange?: (open: boolean) => void
  /** The unread count changed (a message came while closed, or the chat opened). */
  onUnread?: (count: number) => void
  /** How the stylesheet gets into the shadow root; by default a constructed, adopted sheet. */
  adopt?: ((root: ShadowRoot, css: string) => void) | undefined
}

export interface WidgetView {
  open(): void
  close(): void
  /** A new message arrived (the store's `message` event): counts as unread while the chat is closed. */
  heard(message: Message): void
  destroy(): void
}

/** Puts the UI in an open Shadow DOM, styled by an adopted sheet (CSP-safe: no inline <style>). */
export function mountWidget(options: MountOptions): WidgetView {
  const { look } = options
  const host = document.createElement('paychat-widget')
  const style = host.style
  host.dataset.position = look.position
  // Not data-theme: a page's own `[data-theme=dark]{background:…}` would paint the host too.
  if (look.scheme) host.dataset.scheme = look.scheme
  if (look.inline) host.dataset.inline = ''
  // Custom properties through the CSSOM, which a strict CSP allows (a style attribute it would not).
  for (const [name, value] of look.props) style.setProperty(name, value)
  // Inline, the chat is always open; open on load starts open (App then leaves focus where it is).
  const context = widgetContext(options.store, options.locale, options.t, look)
  const { chat, view } = context
  const stops = [
    context.dispose,
    // The options' colour (or the theme's) wins; else the brand's, once the session says what it is.
    effect(() => {
      const color = chat.brand.value?.color
      if (!look.props.some(([name]) => name == '--pc-accent') && HEX_COLOR.test(color!)) style.setProperty('--pc-accent', color!)
    }),
    // Mounted open is where the widget starts, not a change: no `open` event for it.
    onChange(view.open, (open) => options.onOpenChange?.(open)),
    onChange(view.unread, (count) => options.onUnread?.(count)),
  ]
  ;(options.target ?? document.body).append(host)

  const root = host.attachShadow({ mode: 'open' })
  ;(options.adopt ?? adoptSheet)(root, css)

  // The visible part of the page (visualViewport) as custom properties: on a narrow screen the
  // full-screen panel takes exactly that, so the on-screen keyboard, which shrinks it, never covers the
  // composer (iOS does not shrink the layout viewport or `100dvh` for the keyboard).
  const viewport = window.visualViewport
  const fit = () => {
    style.setProperty('--pc-vh', `${viewport!.height}px`)
    style.setProperty('--pc-vt', `${viewport!.offsetTop}px`)
  }
  if (viewport) fit()
  viewport?.addEventListener('resize', fit)
  viewport?.addEventListener('scroll', fit)

  stops.push(listenForCheckoutHints(options.store, options.apiBase))
  render(
    <Widget.Provider value={context}>
      <App look={look} />
    </Widget.Provider>,
    root,
  )

  return {
    open: () => void (view.open.value = true),
    close: () => void (view.open.value = !!look.inline),
    heard({ author }) {
      // Only what the people (or bots) answering say counts, and only while the chat is closed.
      if (view.open.peek() || !/^(operator|bot)$/.test(author.role)) return
      view.unread.value++
      if (look.sound) beep()
    },
    destroy() {
      viewport?.removeEventListener('resize', fit)
      viewport?.removeEventListener('scroll', fit)
      render(null, root)
      stops.forEach((stop) => stop())
      host.remove()
    },
  }
}

/** Calls `callback` with each new value of `source` (not the one it has now). */
function onChange<T>(source: ReadonlySignal<T>, callback: (value: T) => void): () => void {
  let first = true
  return source.subscribe((value) => (first ? (first = false) : callback(value)))
}

/**
 * A constructed sheet, adopted: what every browser since 2023 does, and what the script-tag build
 * (whose loader already relies on it) uses. createWidget passes `adoptWithFallback` (src/widget/options.ts).
 */
function adoptSheet(root: ShadowRoot, text: string) {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(text)
  root.adoptedStyleSheets = [sheet]
}
