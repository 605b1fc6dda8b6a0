import type { WidgetOptions } from './create-widget'
import { readLook, warn, type Look } from './look'
import css from './widget.css?inline'

const EXAMPLE = '{ widgetKey: "wk_demo", apiBase: "https://chat.example.com" }'

/** What createWidget cannot start without: thrown as a TypeError that shows the expected shape. */
export function checkOptions(options: WidgetOptions) {
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

/**
 * The stylesheet into the shadow root: adopted where constructable stylesheets exist, else a `<style>`
 * (Safari before 16.4, Firefox before 101), which a strict `style-src` blocks. Only npm users get the
 * fallback: the script-tag loader needs constructable sheets anyway, so its build leaves it out.
 */
export function adoptWithFallback(root: ShadowRoot, css: string) {
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

/** The theme's custom properties: the `--pc-*` the stylesheet uses (the README lists them). */
const PROPERTIES = new Set(css.match(/--pc-[a-z-]+/g))

/**
 * `createWidget`'s look options, read by the same rules as the script tag's attributes: turned into
 * the text an attribute would carry (`offset: [24, 80]` is "24 80", `open: true` is "true"), so a value
 * of the wrong type fails its rule and is warned about like a wrong attribute. The theme's custom
 * properties, which the script tag leaves to the page's CSS, are checked here. Only in the npm
 * build: the script-tag build reads its attributes directly (src/widget/script-entry.ts).
 */
export function lookOfOptions(options: WidgetOptions): Look {
  const { theme, inline, target } = options
  const object = theme !== null && typeof theme == 'object' ? (theme as Record<string, unknown>) : undefined
  const text = (value: unknown) => (value === undefined ? undefined : Array.isArray(value) ? value.join(' ') : String(value))
  if (inline !== undefined && typeof inline != 'boolean') warn('inline', inline, 'true or false')
  else if (inline && !target) warn('inline', inline, 'a target element to render in')
  const look = readLook(
    {
      position: text(options.position),
      color: text(options.color),
      offset: text(options.offset),
      zIndex: text(options.zIndex),
      label: text(options.label),
      theme: text(object ? object.scheme : theme),
      open: text(options.open),
      sound: text(options.sound),
    },
    inline === true && !!target,
  )
  const props: Look['props'] = []
  for (const [name, value] of Object.entries(object ?? {})) {
    if (name == 'scheme') continue
    if (PROPERTIES.has(name) && typeof value == 'string' && CSS.supports(name, value)) props.push([name, value])
    else warn(`theme ${name}`, value, "a CSS value for a --pc-* property of the README's table")
  }
  // The theme's first: the options' colour, offset and z-index win over it.
  look.props.unshift(...props)
  return look
}
