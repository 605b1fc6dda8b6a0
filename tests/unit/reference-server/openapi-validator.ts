import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import type { OpenApiDocument } from '../../../src/server/openapi'

/**
 * Checks answers against an OpenAPI document: which route of the document a request is, whether the
 * status and content type are documented for it, and whether the JSON matches its schema (ajv, draft
 * 2020-12, strict: a keyword ajv does not know fails instead of being ignored).
 */
const DOCUMENT_ID = 'https://paychat.test/openapi.json'

type Json = Record<string, unknown>

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1')
const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~')

/** The value at a JSON pointer (`/components/schemas/Money`), or undefined. */
export function atPointer(document: unknown, pointer: string): unknown {
  let value = document
  for (const segment of pointer.split('/').slice(1).map(unescape)) {
    if (value === null || typeof value !== 'object' || !(segment in value)) return undefined
    value = (value as Json)[segment]
  }
  return value
}

export interface DocumentedRoute {
  method: string
  /** As in the document: `/v1/conversations/{id}/messages`. */
  path: string
  /** `GET /v1/conversations/{id}/messages` */
  key: string
  operation: Json
  matches(pathname: string): boolean
  /** Literal segments: the more specific route wins when two match. */
  literals: number
}

export function documentedRoutes(document: OpenApiDocument): DocumentedRoute[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => {
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`)
      return {
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        operation: operation as Json,
        matches: (pathname: string) => pattern.test(pathname),
        literals: path.split('/').filter((s) => s && !s.startsWith('{')).length,
      }
    }),
  )
}

export interface Exchange {
  method: string
  url: string
  status: number
  contentType: string | null
  headers: Headers
  /** The body as text; null for an event stream (not read). */
  text: string | null
}

export function responseChecker(document: OpenApiDocument) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
  addFormats(ajv)
  // The document's own fields are not schema keywords; ajv reaches schemas inside them by JSON pointer.
  ajv.addVocabulary(['openapi', 'info', 'tags', 'paths', 'components'])
  ajv.addSchema({ ...document, $id: DOCUMENT_ID })
  const compiled = new Map<string, ValidateFunction>()
  const routes = documentedRoutes(document)

  /** A validator of the schema at `pointer` in the document. */
  function validatorAt(pointer: string): ValidateFunction {
    let validate = compiled.get(pointer)
    if (!validate) compiled.set(pointer, (validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` })))
    return validate
  }

  function routeOf(method: string, pathname: string): DocumentedRoute | undefined {
    return routes
      .filter((r) => r.method === method && r.matches(pathname))
      .sort((a, b) => b.literals - a.literals)[0]
  }

  /** The response object of a route for a status and its JSON pointer, following a `$ref` to `components/responses`. */
  function documentedResponse(route: DocumentedRoute, status: number): { pointer: string; response: Json } | undefined {
    const pointer = `/paths/${escape(route.path)}/${route.method.toLowerCase()}/responses/${status}`
    const response = atPointer(document, pointer) as Json | undefined
    if (!response) return undefined
    if (typeof response.$ref === 'string') {
      const target = response.$ref.slice(1)
      return { pointer: target, response: atPointer(document, target) as Json }
    }
    return { pointer, response }
  }

  /** What is wrong with an answer, per the document: nothing when the list is empty. */
  function problemsOf(exchange: Exchange): string[] {
    const { pathname } = new URL(exchange.url)
    const route = routeOf(exchange.method, pathname)
    if (!route) return [`${exchange.method} ${pathname} is not in the document`]
    const found = documentedResponse(route, exchange.status)
    if (!found) return [`${route.key}: status ${exchange.status} is not documented`]
    const { pointer, response } = found
    const problems: string[] = []
    for (const [header, spec] of Object.entries((response.headers as Record<string, Json> | undefined) ?? {})) {
      if (spec.required !== false && !exchange.headers.has(header)) problems.push(`${route.key} ${exchange.status}: no ${header} header`)
    }
    const content = response.content as Json | undefined
    const mediaType = exchange.contentType?.split(';')[0]!.trim() ?? null
    if (!content) {
      if (exchange.text) problems.push(`${route.key} ${exchange.status}: a body where none is documented`)
      return problems
    }
    if (!mediaType || !(mediaType in content)) {
      return [...problems, `${route.key} ${exchange.status}: content type ${mediaType} is not documented (${Object.keys(content).join(', ')})`]
    }
    if (mediaType !== 'application/json' || exchange.text === null) return problems
    const validate = validatorAt(`${pointer}/content/${escape(mediaType)}/schema`)
    if (!validate(JSON.parse(exchange.text))) {
      problems.push(`${route.key} ${exchange.status}: ${describe(validate.errors)}\n    ${exchange.text.slice(0, 400)}`)
    }
    return problems
  }

  /** What is wrong with one event's data on a documented event stream. */
  function eventProblems(method: string, pathname: string, data: unknown): string[] {
    const route = routeOf(method, pathname)
    if (!route) return [`${method} ${pathname} is not in the document`]
    const found = documentedResponse(route, 200)!
    const validate = validatorAt(`${found.pointer}/content/text~1event-stream/x-event-data`)
    return validate(data) ? [] : [`${route.key} event ${JSON.stringify(data).slice(0, 200)}: ${describe(validate.errors)}`]
  }

  return { ajv, routeOf, problemsOf, eventProblems, validatorAt }
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`).join('; ')
}
