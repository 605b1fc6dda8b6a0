import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createServerState } from '../../../src/server/index'
import { createNodeServer } from '../../../src/server/node'
import { openApiDocument } from '../../../src/server/openapi'

/** The real HTTP server (`npm start`) serves the document too, at both paths, not only the MSW handlers. */
let server: Server
let base: string

beforeAll(async () => {
  server = createNodeServer({ state: createServerState() })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

test.each(['/openapi.json', '/v1/openapi.json'])('GET %s on the Node server is the document, with CORS', async (path) => {
  const res = await fetch(`${base}${path}`, { headers: { origin: 'https://shop.example' } })
  expect(res.status).toBe(200)
  expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
  expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument({ mock: true }))))
})
