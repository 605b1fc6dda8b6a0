import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createServerState, type ServerState, type ServerStateOptions } from '../../src/server/index'
import { createNodeServer } from '../../src/server/node'
import { closeAllStreams } from '../unit/reference-server/event-stream'
import { apiAt } from '../unit/reference-server/harness'

/** A build output laid out like `dist/`: every page the server knows, a hashed asset and the loader. */
const BUILD: Record<string, string> = {
  'app/demo/index.html': '<title>demo shop</title>',
  'app/demo/sakura.html': '<title>sakura shop</title>',
  'app/demo/inline.html': '<title>inline chat</title>',
  'app/demo/npm-app/index.html': '<title>npm app</title>',
  'app/demo/operator/index.html': '<title>operator console</title>',
  'app/src/checkout/index.html': '<title>hosted checkout</title>',
  'app/assets/console-x1.js': 'export const x = 1',
  'widget/paychat.js': 'console.log("paychat loader")',
}

export interface ServedBuild {
  state: ServerState
  /** Where the server listens, e.g. `http://127.0.0.1:40123`. */
  base(): string
  api(): ReturnType<typeof apiAt>
  /** A GET that does not follow redirects. */
  get(path: string, headers?: Record<string, string>): Promise<Response>
}

/** The Node server over a small build in a temporary folder, for the test file; state reset after each test. */
export function useServedBuild(options: ServerStateOptions = {}): ServedBuild {
  const state = createServerState({ rateLimits: false, ...options, whatsapp: { statusDelaysMs: false, ...options.whatsapp } })
  let dir: string
  let server: Server
  let base = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'paychat-security-'))
    for (const [path, content] of Object.entries(BUILD)) {
      await mkdir(dirname(join(dir, path)), { recursive: true })
      await writeFile(join(dir, path), content)
    }
    server = createNodeServer({ state, staticRoot: dir })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterEach(() => {
    closeAllStreams()
    state.reset()
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await rm(dir, { recursive: true, force: true })
  })
  return {
    state,
    base: () => base,
    api: () => apiAt(base),
    get: (path, headers = {}) => fetch(`${base}${path}`, { headers, redirect: 'manual' }),
  }
}
