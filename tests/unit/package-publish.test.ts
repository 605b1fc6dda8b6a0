import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { build, type Rolldown } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import pkg from '../../package.json' with { type: 'json' }

/**
 * What `npm publish` would upload, checked as a user's tools see it: the tarball's file list,
 * publint's lint, @arethetypeswrong/cli's type resolution of every entry, and how a bundler reads
 * `sideEffects`. Runs on the build that `npm test` makes first.
 */

const root = resolve(import.meta.dirname, '../..')
let temp: string
let tarball: string
let packed: { filename: string; files: { path: string; size: number }[]; size: number; unpackedSize: number; entryCount: number }

beforeAll(() => {
  if (!existsSync(resolve(root, 'dist/lib/index.d.ts'))) throw new Error('Run `npm run build` before this test.')
  temp = mkdtempSync(join(tmpdir(), 'paychat-pack-'))
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', temp], { cwd: root, encoding: 'utf8' })
  packed = JSON.parse(out)[0]
  tarball = join(temp, packed.filename)
}, 60_000)

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true })
})

describe('npm pack', () => {
  /** Everything a user needs, and nothing else: no sources, tests, demos, maps or build configs. */
  const SHIPPED = [
    /^package\.json$/,
    /^README\.md$/,
    /^LICEN[CS]E(\.md|\.txt)?$/,
    /^docs\/api\.md$/,
    /^dist\/lib\/[\w-]+\.js$/, // the ESM entries and their shared chunks
    /^dist\/lib\/[\w-]+\.d\.ts$/, // their bundled declarations
    /^dist\/widget\/paychat(-widget(-[a-z]{2})?)?\.js$/, // the script-tag build: loader, widget, catalogs
  ]

  test('holds only the package entries, the script build, the API reference and the readme', () => {
    const paths = packed.files.map((file) => file.path)
    expect(paths.filter((path) => !SHIPPED.some((pattern) => pattern.test(path)))).toEqual([])
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'docs/api.md',
        'dist/lib/index.js',
        'dist/lib/index.d.ts',
        'dist/lib/server.js',
        'dist/lib/server.d.ts',
        'dist/lib/server-node.js',
        'dist/lib/server-node.d.ts',
        'dist/widget/paychat.js',
        'dist/widget/paychat-widget.js',
      ]),
    )
  })

  test('stays small: a few dozen files, well under a megabyte unpacked', () => {
    expect(packed.entryCount).toBeLessThan(40)
    expect(packed.unpackedSize).toBeLessThan(1_000_000)
  })

  test('every file that package.json points at is in the tarball', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      main: string
      types: string
      exports: Record<string, string | Record<string, string>>
    }
    const targets = [pkg.main, pkg.types, ...Object.values(pkg.exports).flatMap((entry) => (typeof entry === 'string' ? [entry] : Object.values(entry)))]
    const paths = new Set(packed.files.map((file) => file.path))
    expect(targets.map((target) => target.replace(/^\.\//, '')).filter((path) => !paths.has(path))).toEqual([])
  })
})

test('publint finds no error and no warning', async () => {
  // As its CLI does: publint packs the package with npm itself, so it can also tell a file that
  // package.json names but `files` leaves out of the tarball from one that does not exist.
  const { messages, pkg } = await publint({ pkgDir: root, pack: 'npm', level: 'warning' })
  expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`)).toEqual([])
}, 60_000)

interface AttwProblem {
  kind: string
  entrypoint?: string
  resolutionKind?: string
}

describe('@arethetypeswrong/cli on the tarball', () => {
  let problems: AttwProblem[]
  let entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string; isTypeScript: boolean } }> }>

  beforeAll(() => {
    // `./paychat.js` is the script-tag loader, a classic script for `<script src>`: it is exported so
    // tools can find the file (`import.meta.resolve('paychat/paychat.js')`, Vite's `?url`), not to be
    // imported as a module, so it has no module types to resolve ("No types" would be noise).
    const args = [resolve(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--format', 'json', '--exclude-entrypoints', './paychat.js']
    let out: string
    try {
      out = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    } catch (error) {
      // attw exits 1 when it found any problem, ignored kinds included; the JSON is on stdout all the same.
      out = (error as { stdout?: string }).stdout ?? ''
      if (!out) throw error
    }
    const report = JSON.parse(out) as { analysis: { problems: AttwProblem[]; entrypoints: typeof entrypoints } }
    problems = report.analysis.problems
    entrypoints = report.analysis.entrypoints
  }, 120_000)

  /**
   * The package is ESM only (`"type": "module"`, no `require` condition), as issue 7 asks. Two of
   * attw's resolution modes are about CommonJS consumers, so their findings are expected and ignored:
   * - `node10` (old `moduleResolution: node`) predates `exports`, so subpaths like `paychat/server`
   *   cannot resolve there at all (NoResolution); `paychat` itself does, through `main` and `types`.
   * - `node16-cjs` is a CommonJS file doing `require('paychat')`: it gets an ES module, which it may
   *   only load with `import()` (CJSResolvesToESM). Node 20.19+ can `require()` ESM, but attw flags it.
   * Only those two kinds are tolerated there: anything else (a broken declaration, say) still fails.
   */
  const CJS_ONLY: Record<string, string[]> = { node10: ['NoResolution'], 'node16-cjs': ['CJSResolvesToESM'] }

  test('reports no problem for node16 (ESM) and bundler resolution', () => {
    const relevant = problems.filter((problem) => !problem.resolutionKind || !(problem.resolutionKind in CJS_ONLY))
    expect(relevant).toEqual([])
  })

  test('in the CommonJS-only modes, only the findings expected of an ESM-only package', () => {
    const unexpected = problems.filter(
      (problem) => problem.resolutionKind && problem.resolutionKind in CJS_ONLY && !CJS_ONLY[problem.resolutionKind]!.includes(problem.kind),
    )
    expect(unexpected).toEqual([])
  })

  test.each(['.', './server', './server/node'])('"%s" resolves to its bundled declaration under node16 and bundler', (entry) => {
    const expected = { '.': 'index.d.ts', './server': 'server.d.ts', './server/node': 'server-node.d.ts' }[entry]
    for (const kind of ['node16-esm', 'bundler']) {
      const resolution = entrypoints[entry]?.resolutions[kind]?.resolution
      expect(resolution?.isTypeScript, `${entry} under ${kind}`).toBe(true)
      expect(resolution?.fileName).toBe(`/node_modules/paychat/dist/lib/${expected}`)
    }
  })
})

/**
 * `sideEffects` lists the script build only: `paychat.js` defines `window.Paychat` and draws the
 * launcher when it runs, which is its whole point, so a bundler must keep `import 'paychat/paychat.js'`.
 * The ESM entries only declare things (importing `paychat` touches no DOM and adds no global, see
 * package-entries.test.ts), so an app that imports them without using them pays nothing.
 */
describe('sideEffects, as a bundler (Vite) reads it', () => {
  async function bundle(code: string): Promise<string> {
    const result = (await build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [
        {
          name: 'app-entry',
          enforce: 'pre',
          resolveId: (id) => (/(^|\/)app-entry$/.test(id) ? '\0app-entry' : null),
          load: (id) => (id === '\0app-entry' ? code : null),
        },
      ],
      build: {
        write: false,
        minify: false,
        lib: { entry: 'app-entry', formats: ['es'], fileName: 'app' },
        rolldownOptions: { external: (id) => Object.keys(pkg.dependencies).some((name) => id === name || id.startsWith(`${name}/`)) },
      },
    })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[]
    return (Array.isArray(result) ? result : [result]).flatMap((out) => out.output.map((chunk) => ('code' in chunk ? chunk.code : ''))).join('\n')
  }

  test('keeps the script build when an app imports it for its effect', async () => {
    expect(await bundle("import 'paychat/paychat.js'")).toContain('data-widget-key')
  }, 60_000)

  test('drops the ESM entries when an app imports them without using them', async () => {
    expect((await bundle("import { createWidget } from 'paychat'; import { createHandlers } from 'paychat/server'")).trim()).toBe('')
  }, 60_000)
})
