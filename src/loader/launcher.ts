import type { Locale } from '../i18n/locale'

/**
 * The loader's stand-in launcher: the widget's own launcher drawn with plain DOM, so it shows at once
 * without Preact and the widget chunk. Its rules are copied from src/widget/styles.ts (a test keeps
 * them equal); only what the launcher needs, to stay within the loader's 2 kB.
 */
export const LAUNCHER_CSS =
  ':host{all:initial;--pc-accent:#2f5bd3;--pc-on-accent:#fff;position:fixed;bottom:20px;right:20px;z-index:2147483000}' +
  ':host([data-position=left]){right:auto;left:20px}' +
  'button:focus-visible{outline:2px solid var(--pc-accent);outline-offset:2px}' +
  'svg{width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}' +
  '.pc-launcher{cursor:pointer;width:56px;height:56px;border:0;border-radius:50%;background:var(--pc-accent);color:var(--pc-on-accent);display:grid;place-items:center;box-shadow:0 6px 20px rgba(0,0,0,.25)}' +
  '@media (max-width:480px){:host{bottom:12px;right:12px}}' +
  '@media (prefers-reduced-motion:no-preference){.pc-launcher{transition:transform .15s}.pc-launcher:hover{transform:scale(1.06)}}'

/** `openChat` of each catalog (a test keeps them equal), so the loader need not carry the catalogs. */
export const LAUNCHER_LABELS: Record<Locale, string> = {
  en: 'Open chat',
  ja: 'チャットを開く',
  es: 'Abrir chat',
  zh: '打开聊天',
}

/** Same test as the widget's (src/widget/mount-widget.tsx): anything else is ignored. */
const HEX_COLOR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i
const SVG = 'http://www.w3.org/2000/svg'

/** Appends `<paychat-widget>` with the launcher button in an open shadow root; returns host and button. */
export function renderLauncher(position: string, color: string | undefined, label: string) {
  const host = document.createElement('paychat-widget')
  host.dataset.position = position
  if (color && HEX_COLOR.test(color)) host.style.setProperty('--pc-accent', color)
  const root = host.attachShadow({ mode: 'open' })
  // An adopted sheet, not <style>: a strict CSP without style-src still styles it. No <style>
  // fallback (every browser since 2023 adopts sheets): bytes here are paid on every page view.
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(LAUNCHER_CSS)
  root.adoptedStyleSheets = [sheet]
  const button = root.appendChild(document.createElement('button'))
  button.type = 'button'
  button.className = 'pc-launcher'
  button.setAttribute('aria-label', label)
  const svg = button.appendChild(document.createElementNS(SVG, 'svg'))
  // No aria-hidden: a button's content is presentational, its name is the aria-label.
  svg.setAttribute('viewBox', '0 0 24 24')
  svg.appendChild(document.createElementNS(SVG, 'path')).setAttribute('d', 'M4 5h16v11H9l-5 4z')
  document.body.append(host)
  return { host, button }
}
