/**
 * Whether the widget may open `url` as a checkout page. Only the API's own origin (any scheme, for local
 * development) or an `https:` origin the brand lists (any `https:` origin when it lists none); never
 * credentials in the URL, never `javascript:`, `data:` or `blob:`.
 */
export function isAllowedCheckoutUrl(url: string, allow: { apiBase: string; checkoutOrigins: string[] }): boolean {
  const target = parse(url)
  if (!target || target.username || target.password) return false
  // `blob:` and friends report the origin of their creator, so the scheme is checked too.
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return false
  if (target.origin === parse(allow.apiBase)?.origin) return true
  if (target.protocol !== 'https:') return false
  return allow.checkoutOrigins.length === 0 || allow.checkoutOrigins.some((o) => parse(o)?.origin === target.origin)
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
