/** The checkout session id from a path `/checkout/<id>` (a trailing slash is fine), or null. */
export function sessionIdFromPath(pathname: string): string | null {
  const match = /^\/checkout\/([^/]+)\/?$/.exec(pathname)
  if (!match?.[1]) return null
  try {
    return decodeURIComponent(match[1])
  } catch {
    return null
  }
}
