import type { Locale } from '../i18n/locale'

/**
 * The loader's stand-in launcher: the widget's own launcher drawn with plain DOM, so it shows at once
 * without Preact and the widget chunk. Its rules are copied from src/widget/widget.css (a test keeps
 * them equal); only what the launcher needs at rest, to stay within the loader's 2 kB (not the hover
 * zoom: pointing at the stand-in loads the widget, whose launcher has it). Placement and colour
 * are custom properties on the host (`--pc-offset-x`, `--pc-offset-y`, `--pc-z-index`, `--pc-accent`),
 * set here and by the widget the same way, so the widget takes over without a shift. The host's own
 * declarations are !important: a page's `*{…}` or `[data-position]{…}` would otherwise win over
 * `:host` (the outer tree wins for normal declarations, the shadow tree for important ones), paint
 * the host or reach inside through inheritance. Custom properties stay open to the page: its theme.
 * The icon is CSS too (a clip-path, not an SVG built node by node): fewer bytes, and no markup.
 */
export const LAUNCHER_CSS =
  ':host{all:initial!important;--pc-accent:#2f5bd3;--pc-on-accent:#fff;position:fixed!important;bottom:var(--pc-offset-y,20px)!important;right:var(--pc-offset-x,20px)!important;z-index:var(--pc-z-index,2147483000)!important}' +
  ':host([data-position=left]){right:auto!important;left:var(--pc-offset-x,20px)!important}' +
  ':focus-visible{outline:2px solid var(--pc-accent);outline-offset:2px}' +
  '.pc-launcher:before{content:"";width:24px;height:24px;background:currentColor;clip-path:path(evenodd,"M3 4h18v13H9.4L3 22zM5 6v11.8L8.7 15H19V6z");forced-color-adjust:none}' +
  '.pc-launcher{cursor:pointer;min-width:56px;height:56px;padding:0 16px;border:0;border-radius:50%;background:var(--pc-accent);color:var(--pc-on-accent);display:grid;grid-auto-flow:column;gap:8px;place-items:center;box-shadow:0 6px 20px #00000040;font:600 15px system-ui}' +
  '.pc-launcher:has(span){border-radius:28px}' +
  '@media (max-width:480px){:host{bottom:var(--pc-offset-y,12px)!important;right:var(--pc-offset-x,12px)!important}}'

/** `openChat` of each catalog (a test keeps them equal), so the loader need not carry the catalogs. */
export const LAUNCHER_LABELS: Record<Locale, string> = {
  en: 'Open chat',
  ja: 'チャットを開く',
  es: 'Abrir chat',
  zh: '打开聊天',
}

/** Same tests as the widget's (src/widget/look.ts), which also warns about what they turn down. */
const HEX_COLOR = /^#([\da-f]{3}){1,2}$/i

/**
 * Appends `<paychat-widget>` with the launcher button in an open shadow root, placed and labelled as
 * the script tag's attributes say; returns host and button. Inline (`data-inline`) the host is made but
 * not appended: the widget renders into the page's element at once, with no launcher.
 */
export function renderLauncher(data: DOMStringMap, label: string) {
  const host = document.createElement('paychat-widget')
  const style = host.style
  // The CSS knows `left`; anything else is the default, right (the widget warns about it).
  host.dataset.position = data.position ?? 'right'
  // "24" or "24 80" (px from the side, then from the bottom), as src/widget/look.ts reads it.
  const [x, y = x] = /^\d+( \d+)?$/.test(data.offset!) ? data.offset!.split(' ') : []
  if (x) style.setProperty('--pc-offset-x', x + 'px'), style.setProperty('--pc-offset-y', y + 'px')
  if (/^-?\d+$/.test(data.zIndex!)) style.setProperty('--pc-z-index', data.zIndex!)
  if (HEX_COLOR.test(data.color!)) style.setProperty('--pc-accent', data.color!)
  const root = host.attachShadow({ mode: 'open' })
  // An adopted sheet, not <style>: a strict CSP without style-src still styles it. No <style>
  // fallback (every browser since 2023 adopts sheets): bytes here are paid on every page view.
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(LAUNCHER_CSS)
  root.adoptedStyleSheets = [sheet]
  const button = root.appendChild(document.createElement('button'))
  // No type=button: a button in a shadow root belongs to no form, so it submits nothing.
  button.className = 'pc-launcher'
  button.setAttribute('aria-label', data.label || label)
  // A label shows beside the icon, and the round launcher becomes a pill.
  if (data.label) button.appendChild(document.createElement('span')).textContent = data.label
  if (data.inline == null) document.body.append(host)
  return { host, button }
}
