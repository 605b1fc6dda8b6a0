/**
 * The headers of every HTML page and redirect this server sends, by kind of page: the one place the
 * browser-side policy is written (static-files.ts serves the pages, pay-link.ts the pay links).
 */

/** What no page of this server needs: a `<base>`, form posts, being framed, or strings turned into script. */
const LOCKED_DOWN = [
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
]

/**
 * The hosted checkout takes card numbers: it runs under a strict policy of its own (nothing inline,
 * nothing from elsewhere, no framing, Trusted Types), so an injected string can do nothing there.
 */
export const CHECKOUT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  ...LOCKED_DOWN,
].join('; ')

/**
 * The operator console shares cards, revokes and captures: a page that framed it could trick an
 * operator into pressing those (clickjacking), so no page may; and it runs only its own code.
 */
export const CONSOLE_CSP = ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", ...LOCKED_DOWN].join('; ')

export type PageKind = 'demo' | 'console' | 'checkout'

/** The demo shops embed the widget as any website would; pages may be cached but must revalidate. */
const DEMO = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cache-control': 'no-cache',
}

export const PAGE_HEADERS: Record<PageKind, Readonly<Record<string, string>>> = {
  demo: DEMO,
  console: {
    ...DEMO,
    'content-security-policy': CONSOLE_CSP,
    // For browsers without CSP frame-ancestors.
    'x-frame-options': 'DENY',
  },
  /**
   * The checkout page and the `/pay/` links (their redirects and error pages): their URLs hold a
   * secret (a checkout session id, a pay token), so no other site hears of them through Referer, and
   * no cache keeps a page or a redirect that leads to someone's payment.
   */
  checkout: {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'content-security-policy': CHECKOUT_CSP,
  },
}
