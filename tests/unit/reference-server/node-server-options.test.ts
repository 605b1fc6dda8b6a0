import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { createServerState } from '../../../src/server/index'
import { createNodeServer, type NodeServerOptions } from '../../../src/server/node'

let dir: string
const running: Server[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paychat-options-'))
  await mkdir(join(dir, 'dist/widget'), { recursive: true })
  await writeFile(join(dir, 'dist/widget/paychat.js'), 'console.log("loader")')
})
afterEach(async () => {
  vi.restoreAllMocks()
  for (const server of running.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function serve(options: NodeServerOptions): Promise<string> {
  const server = createNodeServer(options)
  running.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('log', () => {
  test('gets one line per finished request: method, path without the query, status, duration', async () => {
    const lines: string[] = []
    const base = await serve({ state: createServerState(), log: (line) => lines.push(line) })
    await (await fetch(`${base}/v1/sessions`, { method: 'POST', body: '{"widgetKey":"wk_demo"}' })).text()
    await (await fetch(`${base}/v1/operator/brands?token=secret`)).text()
    await (await fetch(`${base}/nothing-here`)).text()
    await vi.waitFor(() => expect(lines).toHaveLength(3))
    expect(lines[0]).toMatch(/^POST \/v1\/sessions 201 \d+ms$/)
    expect(lines[1]).toMatch(/^GET \/v1\/operator\/brands 401 \d+ms$/)
    expect(lines[2]).toMatch(/^GET \/nothing-here 404 \d+ms$/)
  })

  test('gets an unexpected failure of a handler instead of the console, and the client a 500', async () => {
    const lines: string[] = []
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => {})
    const broken = http.get('*/v1/broken', () => {
      throw new Error('handler bug')
    })
    const base = await serve({ handlers: [broken], log: (line) => lines.push(line) })
    const res = await fetch(`${base}/v1/broken`)
    expect(res.status).toBe(500)
    await vi.waitFor(() => expect(lines.join('\n')).toContain('handler bug'))
    expect(console).not.toHaveBeenCalled()
  })
})

describe('handlers of your own', () => {
  test('a /v1 path none of them match is the API 404 envelope, with CORS', async () => {
    const hello = http.get('*/v1/hello', () => HttpResponse.json({ hello: 'world' }))
    const base = await serve({ handlers: [hello] })
    expect(await (await fetch(`${base}/v1/hello`)).json()).toEqual({ hello: 'world' })
    const res = await fetch(`${base}/v1/missing`, { headers: { origin: 'https://shop.example' } })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    expect((await res.json()).error.code).toBe('not_found')
  })
})

describe('staticRoot', () => {
  test('may be relative to the working directory, like ./dist/', async () => {
    const base = await serve({ staticRoot: `./${relative(process.cwd(), join(dir, 'dist'))}/` })
    const res = await fetch(`${base}/paychat.js`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('loader')
  })

  test('a root that does not exist yet answers 404 telling to run the build', async () => {
    const base = await serve({ staticRoot: join(dir, 'not-built') })
    const res = await fetch(`${base}/`)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('npm run build')
  })
})
