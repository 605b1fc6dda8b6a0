import { defineConfig } from 'vitest/config'

const jsx = { runtime: 'automatic', importSource: 'preact' } as const

export default defineConfig({
  oxc: { jsx },
  test: {
    // The JSON report is what .ci/run counts totals from.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        oxc: { jsx },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        oxc: { jsx },
        // One test per attack in docs/security.md; a file that renders UI says `@vitest-environment happy-dom`.
        test: { name: 'security', include: ['tests/security/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        oxc: { jsx },
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/component/setup.ts'],
          // The widget's stylesheet as the build inlines it (`?inline`), so tests see the real rules.
          css: { include: [/\/src\/widget\/widget\.css/] },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file drives its own Chromium; two at once is what two cores carry. After the fast projects.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
