import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// The pages served by the reference server: the demo shop, the operator console and hosted checkout.
// The widget script is built separately (vite.widget.config.ts) because it must be a classic script.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    target: 'es2020',
    rolldownOptions: {
      input: {
        demo: resolve(import.meta.dirname, 'demo/index.html'),
        sakura: resolve(import.meta.dirname, 'demo/sakura.html'),
        operator: resolve(import.meta.dirname, 'demo/operator/index.html'),
        checkout: resolve(import.meta.dirname, 'src/checkout/index.html'),
      },
    },
  },
})
