/**
 * Whether the widget may open `url` as a checkout page. Only the API's own origin (any scheme, for local
 * development) or an `https:` origin the brand lists (any `https:` origin when it lists none); never
 * credentials in the URL, never `javascript:`, `data:` or `blob:`.
 */
export function isAllowedCheckoutUrl(url: string, allow: { apiBase: string; checkoutOrigins: string[] }): boolean {
  const target = vet(url, allow.apiBase)
  if (target === 'own' || target === null) return target === 'own'
  return target.protocol === 'https:' && (allow.checkoutOrigins.length === 0 || listed(target, allow.checkoutOrigins))
}

/**
 * Whether a template's URL button may open `url`: the API's own origin (any scheme; the `/pay/` links
 * live there) or an `https:` origin the brand lists. Unlike checkout, an empty list allows nothing
 * else: a template link is operator-written text, not the server's answer to a Pay now.
 */
export function isAllowedLinkUrl(url: string, allow: { apiBase: string; linkOrigins: string[] }): boolean {
  const target = vet(url, allow.apiBase)
  if (target === 'own' || target === null) return target === 'own'
  return target.protocol === 'https:' && listed(target, allow.linkOrigins)
}

/** `own` for the API's origin, null for anything never opened, else the parsed URL to check further. */
function vet(url: string, apiBase: string): URL | 'own' | null {
  const target = parse(url)
  if (!target || target.username || target.password) return null
  // `blob:` and friends report the origin of their creator, so the scheme is checked too.
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return null
  return target.origin === parse(apiBase)?.origin ? 'own' : target
}

const listed = (target: URL, origins: string[]) => origins.some((o) => parse(o)?.origin === target.origin)

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
