import { minify } from 'terser'
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite'
import { en } from './src/i18n/catalogs/en'
import { es } from './src/i18n/catalogs/es'
import { ja } from './src/i18n/catalogs/ja'
import { zh } from './src/i18n/catalogs/zh'

// The script-tag build, in two parts side by side in dist/widget:
// - `paychat.js`, the loader: a classic script (IIFE) so a website owner can paste it with `async`
//   and no `type="module"`; it defines only `window.Paychat` and draws the launcher itself.
// - `paychat-widget.js`, the widget: an ES module the loader brings in with `import()` when the
//   visitor is about to chat, plus one small chunk per non-English catalog (`paychat-widget-ja.js`).
// An IIFE cannot split, hence two builds: this config builds the widget, then the loader once the
// widget is written. The file names are fixed, not hashed: the loader names the chunk, and both are
// served with `no-cache`, so a page never pairs a loader with a chunk of another release.

const oxc: InlineConfig['oxc'] = { jsx: { runtime: 'automatic', importSource: 'preact' } }

// Pure annotations guide a later bundler's tree-shaking; these files are final, so they are bytes a
// visitor downloads for nothing. Licence comments stay.
const comments = { legal: true, annotation: false, jsdoc: false }

const loader: InlineConfig = {
  configFile: false,
  oxc,
  build: {
    outDir: 'dist/widget',
    emptyOutDir: false,
    target: 'es2022',
    lib: {
      entry: 'src/loader/index.ts',
      formats: ['iife'],
      name: 'PaychatLoader',
      fileName: () => 'paychat.js',
    },
    rolldownOptions: { output: { minify: true, comments } },
  },
}

/**
 * The other languages' catalog chunks without their keys: the widget chunk has every key already (in
 * English's catalog), and keys were a third of a chunk's bytes. A chunk holds its values in English's
 * key order and builds the same catalog object from them, so src/i18n/load-catalog.ts reads it as
 * written. (TypeScript and tests/unit/i18n hold every catalog to exactly English's keys.)
 */
function keylessCatalogs(): Plugin {
  const catalogs: Record<string, Record<string, string>> = { es, ja, zh }
  return {
    name: 'paychat-keyless-catalogs',
    apply: 'build',
    transform(_code, id) {
      const locale = /\/src\/i18n\/catalogs\/(\w+)\.ts$/.exec(id)?.[1]
      const catalog = locale && catalogs[locale]
      if (!catalog) return
      const values = Object.keys(en).map((key) => catalog[key])
      return `import { en } from './en'\nconst values = ${JSON.stringify(values)}\nexport const ${locale} = Object.fromEntries(Object.keys(en).map((key, i) => [key, values[i]]))`
    },
  }
}

/**
 * terser over what Rolldown's minifier wrote: it finds 0.3 kB gzip more in the widget chunk (more
 * inlining and shorter expressions), bytes every visitor downloads. Licence comments stay.
 */
function terserChunks(): Plugin {
  return {
    name: 'paychat-terser',
    apply: 'build',
    async renderChunk(code) {
      const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: 'some' } })
      return result.code ?? null
    },
  }
}

export default defineConfig({
  oxc,
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    // src/widget/widget.css, inlined by `?inline`: esbuild minifies it exactly; Lightning CSS (the
    // default) reads numbers as 32-bit floats and turns the host's z-index 2147483000 into 2147480000.
    cssMinify: 'esbuild',
    lib: {
      entry: { 'paychat-widget': 'src/widget/script-entry.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    // 'allow-extension': the widget chunk may export English's catalog to the other catalogs' chunks, rather than a chunk of its own.
    rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, comments, chunkFileNames: 'paychat-widget-[name].js' } },
  },
  plugins: [
    keylessCatalogs(),
    terserChunks(),
    {
      name: 'paychat-loader',
      apply: 'build',
      // After the widget's files are written: the loader's build must not empty the directory.
      async closeBundle() {
        await build(loader)
      },
    },
  ],
})
