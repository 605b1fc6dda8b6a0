import type { Brand } from '../protocol/types'
import { ApiFailure } from './api-error'

/**
 * Whether a brand's widget may call from `origin`. `*` allows every page (the demo brands); a request
 * with no Origin header comes from no web page (curl, a server), so there is nothing to restrict.
 */
export function originAllowed(allowedOrigins: readonly string[], origin: string | null): boolean {
  if (origin === null || allowedOrigins.includes('*')) return true
  const wanted = normalOrigin(origin)
  return wanted !== null && allowedOrigins.some((allowed) => normalOrigin(allowed) === wanted)
}

/** Refuses a visitor call made from a page the brand did not allow (403 `origin_not_allowed`). */
export function assertOriginAllowed(brand: Brand, request: Request): void {
  const origin = request.headers.get('origin')
  if (!originAllowed(brand.allowedOrigins, origin)) {
    throw new ApiFailure(403, 'origin_not_allowed', `${brand.name} does not allow its widget on ${origin}.`)
  }
}

/** `https://Shop.example:443/` and `https://shop.example` are one origin; `null` and junk are none. */
export function normalOrigin(value: string): string | null {
  try {
    const origin = new URL(value).origin
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}
