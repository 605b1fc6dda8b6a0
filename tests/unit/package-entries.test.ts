import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'

const root = resolve(import.meta.dirname, '../..')

/** Imports the BUILT package by its own name in a plain Node process, as a developer's app would. */
function importInNode(code: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' }).trim()
}

describe('the npm package, as built (npm test builds it first)', () => {
  beforeAll(() => {
    if (!existsSync(resolve(root, 'dist/lib/index.js'))) throw new Error('Run `npm run build` before this test.')
  })

  test('"paychat" exports createWidget and createClient, and importing it touches no DOM and adds no global', () => {
    const out = importInNode(`
      const before = new Set(Object.keys(globalThis))
      const m = await import('paychat')
      const added = Object.keys(globalThis).filter((k) => !before.has(k))
      console.log(JSON.stringify({ widget: typeof m.createWidget, client: typeof m.createClient, added }))
    `)
    expect(JSON.parse(out)).toEqual({ widget: 'function', client: 'function', added: [] })
  })

  test('createWidget during server rendering throws a clear error instead of crashing on document', () => {
    const out = importInNode(`
      const { createWidget } = await import('paychat')
      try { createWidget({ widgetKey: 'wk_demo', apiBase: 'https://x.test' }) } catch (e) { console.log(e.message) }
    `)
    expect(out).toMatch(/needs a browser/)
  })

  test('"paychat/server" exports the reference handlers and they answer a session request', () => {
    const out = importInNode(`
      const { createHandlers, createServerState } = await import('paychat/server')
      const { getResponse } = await import('msw')
      const handlers = createHandlers({ state: createServerState() })
      const res = await getResponse(handlers, new Request('http://api.test/v1/sessions', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ widgetKey: 'wk_demo' }) }))
      const body = await res.json()
      console.log(res.status, body.brand.name)
    `)
    expect(out).toBe('201 Acme Coffee')
  })

  test('the typed entries point at declaration files that exist', async () => {
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as {
      exports: Record<string, string | { types: string; default: string }>
    }
    const files = Object.values(pkg.exports).flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry.types, entry.default]))
    expect(files.filter((file) => !existsSync(resolve(root, file)))).toEqual([])
  })
})
