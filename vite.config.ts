import { resolve } from 'node:path'
import { build, defineConfig, type InlineConfig } from 'vite'

// The pages served by the reference server: the demo shops, the operator console and hosted checkout.
// The widget script is built separately (vite.widget.config.ts) because it must be a classic script.

const root = import.meta.dirname
const oxc: InlineConfig['oxc'] = { jsx: { runtime: 'automatic', importSource: 'preact' } }

// ky needs an ES2022 runtime anyway (Object.hasOwn, private methods): lowering its syntax further would
// only add bytes (0.65 kB gzip on the checkout page, its private fields turned into WeakMaps).
const target = 'es2022'

/**
 * demo/npm-app, a Preact app using the npm package, is built on its own once the pages are written:
 * in one build it would share chunks with the hosted checkout and so move the checkout's chunk
 * boundaries (and its size budget) whenever the demo changes.
 */
const npmApp: InlineConfig = {
  configFile: false,
  root,
  oxc,
  resolve: {
    // The app imports 'paychat' as one that installed the package does. Here that name is the
    // package's entry source, src/index.ts, which dist/lib/index.js is built from, so this build does
    // not wait for the package's. Only the bare name: 'paychat/…' is not aliased.
    alias: [{ find: /^paychat$/, replacement: resolve(root, 'src/index.ts') }],
  },
  build: {
    outDir: 'dist/app',
    emptyOutDir: false,
    target,
    rolldownOptions: { input: { 'npm-app': resolve(root, 'demo/npm-app/index.html') } },
  },
}

export default defineConfig({
  oxc,
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    target,
    // A browser without <link rel=modulepreload> (Safari before 17) only loses the preload, not the
    // page; the polyfill for it cost 0.26 kB gzip of the checkout page's budget.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        demo: resolve(root, 'demo/index.html'),
        sakura: resolve(root, 'demo/sakura.html'),
        // The chat embedded in the page by the script tag's data-inline (no module of its own).
        inline: resolve(root, 'demo/inline.html'),
        operator: resolve(root, 'demo/operator/index.html'),
        checkout: resolve(root, 'src/checkout/index.html'),
      },
    },
  },
  plugins: [
    {
      name: 'paychat-npm-app',
      apply: 'build',
      // Once the pages are written (and only if they were): the demo's build must not empty the directory.
      async writeBundle() {
        await build(npmApp)
      },
    },
  ],
})
