import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

const src = resolve(import.meta.dirname, '../../src')

/** Every `import ... from 'x'` / `import('x')` / `export ... from 'x'` of each source file under `src/`. */
function importsByFile(): Map<string, string[]> {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))
  const pattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g
  return new Map(
    files.map((file) => {
      const text = readFileSync(join(src, file), 'utf8')
      const specifiers = [...text.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3] ?? '')
      return [file, specifiers.map((s) => (s.startsWith('.') ? relative(src, join(src, dirname(file), s)) : s))]
    }),
  )
}

/** The top folder of a resolved in-repo import, or the package name of a bare one. */
const layerOf = (specifier: string) => specifier.split('/')[0]!

const forbidden: Record<string, string[]> = {
  protocol: ['http', 'client', 'store', 'widget', 'server', 'loader', 'checkout', 'i18n', 'preact', 'zustand', 'ky', 'msw', 'zod'],
  // ky configured once, for the client and the checkout page alike: it knows no Paychat route.
  http: ['protocol', 'client', 'store', 'widget', 'server', 'loader', 'checkout', 'i18n', 'preact', '@preact', 'zustand', 'msw', 'zod'],
  client: ['store', 'widget', 'server', 'loader', 'checkout', 'preact', '@preact', 'msw', 'zod'],
  store: ['http', 'ky', 'widget', 'server', 'loader', 'checkout', 'preact', '@preact', 'msw', 'zod'],
  widget: ['http', 'ky', 'server', 'loader', 'checkout', 'msw', 'zod'],
  // The server may format money (i18n has no DOM or state): a WhatsApp message states the amount.
  server: ['http', 'client', 'store', 'widget', 'loader', 'checkout', 'preact', '@preact', 'zustand', 'ky'],
  checkout: ['client', 'store', 'widget', 'server', 'loader'],
  i18n: ['http', 'ky', 'client', 'store', 'widget', 'server', 'loader', 'checkout'],
}

describe('imports point one way: widget -> store -> client -> protocol, client and checkout -> http, server -> protocol', () => {
  const graph = importsByFile()
  for (const [layer, banned] of Object.entries(forbidden)) {
    test(`${layer}/ imports none of ${banned.join(', ')}`, () => {
      const offending = [...graph]
        .filter(([file]) => file.startsWith(`${layer}/`))
        .flatMap(([file, imports]) => imports.filter((i) => banned.includes(layerOf(i))).map((i) => `${file} -> ${i}`))
      expect(offending).toEqual([])
    })
  }

  test('protocol/ holds types only', () => {
    const runtime = [...graph]
      .filter(([file]) => file.startsWith('protocol/'))
      .filter(([file]) => /^\s*export\s+(?:const|function|class|let|var)\s/m.test(readFileSync(join(src, file), 'utf8')))
    expect(runtime).toEqual([])
  })

  test('the graph is read at all (a parser that finds nothing would pass every rule)', () => {
    expect(graph.get('i18n/money.ts')).toContain('i18n/currency')
  })
})
