import type { KnipConfig } from 'knip'

/**
 * knip finds files, exports and dependencies nothing uses (`npx knip`). It reads the entries of
 * package.json, the Vite configs and the tests itself; those it cannot see are listed here. Running
 * it in `npm test` is left for later.
 */
const config: KnipConfig = {
  entry: [
    // The script-tag loader, built by vite.widget.config.ts's plugin.
    'src/loader/index.ts',
    // The npm demo's page script, named by its HTML.
    'demo/npm-app/main.jsx',
    // Spawned as its own process by bench/server-fanout.ts.
    'bench/fanout-server.ts',
    'scripts/*.ts',
  ],
  project: ['src/**/*.{ts,tsx}', 'demo/**/*.{ts,tsx,jsx}', 'bench/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.{ts,tsx}'],
  // Run by path from tests/unit/package-publish.test.ts.
  ignoreDependencies: ['@arethetypeswrong/cli'],
}

export default config
