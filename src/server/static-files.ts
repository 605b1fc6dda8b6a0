import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { PAGE_HEADERS, type PageKind } from './page-headers'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
}

/** The console and the checkout have policies of their own; every other page is a demo page. */
const PAGE_KINDS: Record<string, PageKind> = {
  'app/demo/operator/index.html': 'console',
  'app/src/checkout/index.html': 'checkout',
}

/** Pages by path; `/checkout/<id>` is one page whatever the id. */
function pageFor(pathname: string): string | null {
  if (pathname === '/') return 'app/demo/index.html'
  if (pathname === '/sakura' || pathname === '/sakura.html') return 'app/demo/sakura.html'
  if (pathname === '/inline' || pathname === '/inline.html') return 'app/demo/inline.html'
  if (pathname === '/npm-app' || pathname === '/npm-app/') return 'app/demo/npm-app/index.html'
  if (pathname === '/operator' || pathname === '/operator/') return 'app/demo/operator/index.html'
  if (/^\/checkout\/[\w-]+$/.test(pathname)) return 'app/src/checkout/index.html'
  return null
}

/** The build's files for a URL path: a page, else `widget/<path>`, else `app/<path>`. */
export function candidatesFor(pathname: string): string[] {
  const page = pageFor(pathname)
  if (page) return [page]
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  // normalize() resolves "..", so anything still climbing out of the root is refused outright.
  if (relative.startsWith('..') || relative.includes(`${sep}..`) || relative.includes('\0')) return []
  return [join('widget', relative), join('app', relative)]
}

/** Serves a file of the build under `root` (an absolute path); false when none matched. */
export async function serveStatic(root: string, pathname: string, res: ServerResponse, method: string): Promise<boolean> {
  let candidates: string[]
  try {
    candidates = candidatesFor(pathname)
  } catch {
    return false // malformed percent-encoding
  }
  for (const candidate of candidates) {
    const file = join(root, candidate)
    if (!file.startsWith(root + sep)) continue
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) continue
    const type = TYPES[extname(file)] ?? 'application/octet-stream'
    res.writeHead(200, {
      'content-type': type,
      'content-length': info.size,
      ...headersFor(candidate),
      // paychat.js imports the widget chunk with import(), a CORS request from the host page's origin.
      ...(candidate.startsWith(`widget${sep}`) ? { 'access-control-allow-origin': '*' } : {}),
    })
    if (method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
    return true
  }
  return false
}

/** A page (by whatever path it was reached) gets its kind's headers; hashed assets never change. */
function headersFor(candidate: string): Record<string, string> {
  if (extname(candidate) === '.html') return { ...PAGE_HEADERS[PAGE_KINDS[candidate] ?? 'demo'] }
  return {
    'x-content-type-options': 'nosniff',
    // The loader's fixed name must revalidate.
    'cache-control': /\/assets\//.test(candidate) ? 'public, max-age=31536000, immutable' : 'no-cache',
  }
}
