import { build, defineConfig, type InlineConfig } from 'vite'

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

export default defineConfig({
  oxc,
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: { 'paychat-widget': 'src/widget/script-entry.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: { output: { minify: true, comments, chunkFileNames: 'paychat-widget-[name].js' } },
  },
  plugins: [
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
