import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

/**
 * Size budgets of what a visitor downloads, checked at the end of `npm run build` and by
 * tests/unit/budgets.test.ts. Sizes are gzip -9; 1 kB is 1000 bytes (as Vite prints them).
 *
 *   node_modules/.bin/tsx scripts/check-budgets.ts   prints the table; exits 1 when a budget is exceeded
 */

export const KB = 1000

/**
 * Budget lines, in bytes of gzip -9: issue 5's 2, 25 and 20 kB, the last two raised by 0.2 kB for
 * issue 15's money rules (the widget card and checkout page saying a payment was stopped, the page's
 * Idempotency-Keys and retry, its sentences for the limits on splitting).
 */
export const BUDGETS = {
  /** `paychat.js`: parsed on every page of the website, chat or not. */
  loader: 2 * KB,
  /** The loader and every chunk needed to open the chat and pay, dependencies included. */
  chat: 30 * KB,
  /** The JavaScript and CSS the hosted checkout page loads: 20 kB until ky (4.8 kB of it) came in with issue 16. */
  checkout: 25.1 * KB,
} as const

export interface FileSize {
  /** Path under `dist/`. */
  file: string
  raw: number
  gzip: number
}

export interface BudgetResult {
  name: string
  limit: number
  files: FileSize[]
  gzip: number
  ok: boolean
  /** How the files were chosen, when not obvious. */
  note?: string
}

/** Raw and gzip -9 size of a file under `dist/`. */
export function measure(dist: string, file: string): FileSize {
  const bytes = readFileSync(join(dist, file))
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

const STATIC_IMPORT = /\b(?:from|import)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g
/** The widget's per-locale catalog chunks: a visitor loads one of them, not all (src/i18n/load-catalog.ts). */
const CATALOG_CHUNK = /-(?:en|ja|es|zh)\.js$/

/** `file` and every module it imports statically, transitively (paths under `dist/`). */
export function staticGraph(dist: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  const code = readFileSync(join(dist, file), 'utf8')
  for (const [, specifier] of code.matchAll(STATIC_IMPORT)) staticGraph(dist, join(dirname(file), specifier!), seen)
  return seen
}

/** The modules `files` import with `import("./…")`, not counting those already in `files`. */
export function dynamicImports(dist: string, files: Iterable<string>): string[] {
  const found = new Set<string>()
  const known = new Set(files)
  for (const file of known) {
    for (const [, specifier] of readFileSync(join(dist, file), 'utf8').matchAll(DYNAMIC_IMPORT)) {
      const target = join(dirname(file), specifier!)
      if (!known.has(target)) found.add(target)
    }
  }
  return [...found].sort()
}

/** The loader alone. */
export function loaderBudget(dist: string): BudgetResult {
  return result('loader (paychat.js)', BUDGETS.loader, [measure(dist, 'widget/paychat.js')])
}

/**
 * The loader, the widget chunk with everything it imports statically, every chunk it imports lazily
 * (those too may be needed to pay), except that of the locale catalogs only the largest counts:
 * a visitor loads one, English is inline.
 */
export function chatBudget(dist: string): BudgetResult {
  const graph = staticGraph(dist, 'widget/paychat-widget.js')
  const lazy = dynamicImports(dist, graph).flatMap((file) => [...staticGraph(dist, file)]).filter((file) => !graph.has(file))
  const catalogs = lazy.filter((file) => CATALOG_CHUNK.test(file)).map((file) => measure(dist, file))
  const largestCatalog = catalogs.sort((a, b) => b.gzip - a.gzip)[0]
  const others = [...new Set(lazy.filter((file) => !CATALOG_CHUNK.test(file)))].map((file) => measure(dist, file))
  const files = [measure(dist, 'widget/paychat.js'), ...[...graph].map((file) => measure(dist, file)), ...others]
  if (largestCatalog) files.push(largestCatalog)
  return result(
    'open the chat and pay (loader + widget)',
    BUDGETS.chat,
    files,
    catalogs.length > 1 ? `of ${catalogs.length} locale catalogs, the largest` : undefined,
  )
}

/** The hosted checkout: the scripts and styles its built HTML names, and what those scripts import. */
export function checkoutBudget(dist: string): BudgetResult {
  const page = 'app/src/checkout/index.html'
  const html = readFileSync(join(dist, page), 'utf8')
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  const files = new Set<string>()
  for (const url of named) {
    // "/assets/x.js" is served from dist/app; a relative URL is relative to the page.
    const file = url.startsWith('/') ? join('app', url) : join(dirname(page), url)
    if (file.endsWith('.js')) staticGraph(dist, file, files)
    else files.add(file)
  }
  return result('hosted checkout page (JS + CSS)', BUDGETS.checkout, [...files].map((file) => measure(dist, file)))
}

function result(name: string, limit: number, files: FileSize[], note?: string): BudgetResult {
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0)
  return { name, limit, files, gzip, ok: gzip <= limit, ...(note ? { note } : {}) }
}

export function checkBudgets(dist: string): BudgetResult[] {
  return [loaderBudget(dist), chatBudget(dist), checkoutBudget(dist)]
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} kB`

/** The table `npm run build` prints: each file's raw and gzip size, then each budget's line. */
export function formatReport(results: BudgetResult[]): string {
  const lines: string[] = []
  for (const r of results) {
    lines.push('', `${r.name}${r.note ? ` (${r.note})` : ''}`)
    for (const f of r.files) lines.push(`  ${f.file.padEnd(44)} ${kb(f.raw).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}`)
    const verdict = r.ok ? 'ok' : `OVER by ${kb(r.gzip - r.limit)}`
    lines.push(`  ${'total'.padEnd(44)} ${''.padStart(10)}  gzip ${kb(r.gzip).padStart(9)}  budget ${kb(r.limit)}  ${verdict}`)
  }
  return lines.join('\n')
}

function main() {
  const dist = resolve(import.meta.dirname, '../dist')
  if (!existsSync(join(dist, 'widget/paychat.js'))) {
    console.error(`check-budgets: no build in ${relative(process.cwd(), dist) || dist}; run \`npm run build\` first.`)
    process.exit(1)
  }
  const results = checkBudgets(dist)
  console.log(`Size budgets (gzip -9, 1 kB = ${KB} bytes)${formatReport(results)}`)
  const over = results.filter((r) => !r.ok)
  if (over.length) {
    console.error(`\nSize budget exceeded: ${over.map((r) => r.name).join('; ')}.`)
    process.exit(1)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main()
