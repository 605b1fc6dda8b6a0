/**
 * A corpus of classic XSS payloads. Each one, if it ever ran, calls `window.__xss(id)` (or opens a
 * dialog whose message is its id), so a test exposes `__xss` and listens for dialogs to catch it.
 * Every payload is plain text, fit for a chat message; `text` contains its own `id`.
 */
export interface XssPayload {
  id: string
  text: string
}

const p = (id: string, text: string): XssPayload => {
  if (!text.includes(id)) throw new Error(`payload ${id} does not name itself`)
  return { id, text }
}

export const XSS_PAYLOADS: readonly XssPayload[] = [
  // HTML injection: event handlers that fire without any click.
  p('img-onerror', `<img src=x onerror=__xss('img-onerror')>`),
  p('svg-onload', `<svg onload=__xss('svg-onload')>`),
  p('svg-slash', `<svg/onload=__xss('svg-slash')//`),
  p('svg-animate', `<svg><animate onbegin=__xss('svg-animate') attributeName=x dur=1s>`),
  p('details-ontoggle', `<details open ontoggle=__xss('details-ontoggle')>`),
  p('input-autofocus', `<input autofocus onfocus=__xss('input-autofocus')>`),
  p('body-onload', `<body onload=__xss('body-onload')>`),
  p('video-source', `<video><source onerror=__xss('video-source')></video>`),
  p('marquee-onstart', `<marquee onstart=__xss('marquee-onstart')>x</marquee>`),
  p('alert-img', `<img src=x onerror=alert('alert-img')>`),
  // Breaking out of an attribute, a text element or a tag, and filter evasion.
  p('script-breakout', `"><script>__xss('script-breakout')</script>`),
  p('single-breakout', `'><img src=x onerror=__xss('single-breakout')>`),
  p('textarea-breakout', `</textarea><script>__xss('textarea-breakout')</script>`),
  p('title-breakout', `</title></style><img src=x onerror=__xss('title-breakout')>`),
  p('nested-script', `<scr<script>ipt>__xss('nested-script')</scr</script>ipt>`),
  p('mxss-math', `<math><mtext><table><mglyph><style><img src=x onerror=__xss('mxss-math')>`),
  p('mxss-noscript', `<noscript><p title="</noscript><img src=x onerror=__xss('mxss-noscript')>">`),
  p('entity-encoded', `&lt;img src=x onerror=__xss('entity-encoded')&gt;`),
  p('url-encoded', `%3Cimg%20src%3Dx%20onerror%3D__xss('url-encoded')%3E`),
  // Frames, objects and navigation.
  p('iframe-srcdoc', `<iframe srcdoc="<script>parent.__xss('iframe-srcdoc')</script>"></iframe>`),
  p('iframe-js', `<iframe src="javascript:parent.__xss('iframe-js')"></iframe>`),
  p('object-data', `<object data="javascript:__xss('object-data')"></object>`),
  p('meta-refresh', `<meta http-equiv="refresh" content="0;url=javascript:__xss('meta-refresh')">`),
  p('base-href', `<base href="javascript:__xss('base-href')//">`),
  // Links: javascript: and data: URLs, raw, as HTML, as markdown, obfuscated.
  p('a-href-js', `<a href="javascript:__xss('a-href-js')">click me</a>`),
  p('bare-js-url', `javascript:__xss('bare-js-url')`),
  p('md-link-js', `[click me](javascript:__xss('md-link-js'))`),
  p('data-url', `data:text/html,<script>parent.__xss('data-url')</script>`),
  // base64 of <script>parent.__xss('md-link-data')</script>
  p('md-link-data', `[open](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoJ21kLWxpbmstZGF0YScpPC9zY3JpcHQ+) md-link-data`),
  p('entity-js', `<a href="jav&#x09;ascript:__xss('entity-js')">x</a>`),
  p('url-breakout', `https://example.com/"><img src=x onerror=__xss('url-breakout')>`),
  // Template engines and string interpolation.
  p('handlebars', `{{constructor.constructor('__xss("handlebars")')()}}`),
  p('template-literal', `\${__xss('template-literal')}`),
  p('erb', `<%= __xss('erb') %>#{__xss('erb')}`),
  p('js-string', `';__xss('js-string');//";__xss('js-string');//`),
  // CSS.
  p('css-expression', `<div style="width:expression(__xss('css-expression'))">x</div>`),
  p('css-url', `<p style="background:url('javascript:__xss(&quot;css-url&quot;)')">x</p>`),
  // Unicode tricks: bidi override, zero-width and fullwidth look-alikes.
  p('rtl-override', `\u202Egnp.exe<img src=x onerror=__xss('rtl-override')>\u202C`),
  p('zero-width-js', `java\u200Bscript:__xss('zero-width-js') <a href="java\u200Bscript:__xss('zero-width-js')">x</a>`),
  p('fullwidth', `\uFF1Cimg src=x onerror=__xss('fullwidth')\uFF1E`),
]

/** Payloads that fit a field of at most `max` characters. */
export function payloadsUpTo(max: number): XssPayload[] {
  return XSS_PAYLOADS.filter((payload) => payload.text.length <= max)
}

/**
 * The payloads' texts in groups, each joined by `separator` into at most `max` characters: a few
 * long messages instead of one per payload.
 */
export function batches(max: number, separator = '\n', payloads: readonly XssPayload[] = XSS_PAYLOADS): string[] {
  const groups: string[] = []
  let current = ''
  for (const { text } of payloads) {
    if (text.length > max) throw new Error(`a payload is longer than ${max} characters`)
    const next = current ? `${current}${separator}${text}` : text
    if (next.length > max) {
      groups.push(current)
      current = text
    } else current = next
  }
  if (current) groups.push(current)
  return groups
}
