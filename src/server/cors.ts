/**
 * The widget runs on the brand's own website, so every API answer carries CORS headers. The origin is
 * echoed (not `*`) on every answer, refusals included: which origins a brand allows is decided per
 * call (`embed-origin.ts`, 403 `origin_not_allowed`), and the widget must be able to read that error.
 */
export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID'
export const CORS_ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS'

/**
 * The mock controls are never readable by another origin, not even with the admin token: the console
 * that uses them is served by this server and calls them from its own origin, and tests and scripts are
 * not browsers. Their answers and preflights carry no CORS headers.
 */
const isMockControl = (request: Request) => new URL(request.url).pathname.startsWith('/v1/mock/')

export function withCors(request: Request, response: Response): Response {
  const origin = request.headers.get('origin')
  if (!origin || isMockControl(request)) return response
  response.headers.set('access-control-allow-origin', origin)
  response.headers.set('access-control-expose-headers', 'Retry-After')
  response.headers.append('vary', 'Origin')
  return response
}

export function preflight(request: Request): Response {
  return withCors(
    request,
    new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-methods': CORS_ALLOW_METHODS,
        'access-control-allow-headers': CORS_ALLOW_HEADERS,
        'access-control-max-age': '600',
      },
    }),
  )
}
