import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { rollup } from 'rollup'
import { dts } from 'rollup-plugin-dts'
import { defineConfig, type Plugin } from 'vite'
import pkg from './package.json' with { type: 'json' }

// The npm package's ESM entries: `paychat` (widget + headless client), `paychat/server` (the
// reference server's handlers) and `paychat/server/node`. Dependencies stay external so the app's
// bundler dedupes them.
const external = [
  ...Object.keys(pkg.dependencies),
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
]

const root = import.meta.dirname
const entries = { index: 'src/index.ts', server: 'src/server/index.ts', 'server-node': 'src/server/node.ts' }

/**
 * The declarations, bundled: one `.d.ts` beside each entry's `.js` (`dist/lib/index.d.ts` …) plus
 * shared chunks, every import in them a full `./x.js` path. tsc's own per-file output imports
 * `./widget/create-widget` without an extension, which a consumer on `moduleResolution: node16`
 * cannot resolve in an ESM package, and it would ship a declaration for every internal module.
 * tsc writes to a temporary folder (tsconfig.lib.json), then rollup-plugin-dts bundles from there.
 */
function bundledDeclarations(): Plugin {
  return {
    name: 'paychat-declarations',
    apply: 'build',
    async closeBundle() {
      const temp = mkdtempSync(join(tmpdir(), 'paychat-types-'))
      try {
        const tsc = resolve(root, 'node_modules/typescript/bin/tsc')
        execFileSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json', '--outDir', temp], { cwd: root, stdio: 'inherit' })
        const bundle = await rollup({
          input: {
            index: join(temp, 'index.d.ts'),
            server: join(temp, 'server/index.d.ts'),
            'server-node': join(temp, 'server/node.d.ts'),
          },
          // Bare specifiers (preact, msw, zod, node:http…) are the consumer's to resolve.
          external: (id) => !id.startsWith('.') && !id.startsWith('/'),
          plugins: [dts()],
        })
        await bundle.write({
          dir: resolve(root, 'dist/lib'),
          format: 'es',
          entryFileNames: '[name].d.ts',
          // A chunk made from `protocol/types.d.ts` is named `types.d`: keep one `.d`.
          chunkFileNames: (chunk) => `${chunk.name.replace(/\.d$/, '')}-[hash].d.ts`,
        })
        await bundle.close()
      } finally {
        rmSync(temp, { recursive: true, force: true })
      }
    },
  }
}

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist/lib',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
    },
  },
  plugins: [bundledDeclarations()],
})
