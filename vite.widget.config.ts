import { defineConfig } from 'vite'

// `paychat.js`: the script-tag build. A classic script (IIFE) so a website owner can paste it with
// `async` and no `type="module"`; it defines only `window.Paychat`.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: 'src/loader/index.ts',
      formats: ['iife'],
      name: 'PaychatLoader',
      fileName: () => 'paychat.js',
    },
    rolldownOptions: { output: { minify: true } },
  },
})
