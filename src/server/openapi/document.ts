import { z } from 'zod'
import { responseSchemas } from './components'
import type { Answer, ErrorStatus, JsonSchema, Operation, Parameter } from './operation'
import { cannedResponseOperations } from './operations/canned-responses'
import { checkoutOperations } from './operations/checkout'
import { metaOperations } from './operations/meta'
import { mockOperations } from './operations/mock'
import { operatorOperations } from './operations/operator'
import { outreachOperations } from './operations/outreach'
import { templateOperations } from './operations/templates'
import { visitorOperations } from './operations/visitor'
import { whatsappOperations } from './operations/whatsapp'
import { requestSchemas } from './requests'

/** Every route the handlers serve, in the order of `createHandlers`. */
export const operations: readonly Operation[] = [
  ...metaOperations,
  ...visitorOperations,
  ...checkoutOperations,
  ...operatorOperations,
  ...whatsappOperations,
  ...cannedResponseOperations,
  ...templateOperations,
  ...outreachOperations,
  ...mockOperations,
]

export interface OpenApiDocument {
  openapi: string
  info: { title: string; version: string; description: string }
  tags: Array<{ name: string; description: string }>
  paths: Record<string, Record<string, JsonSchema>>
  components: {
    schemas: Record<string, JsonSchema>
    responses: Record<string, JsonSchema>
    securitySchemes: Record<string, JsonSchema>
  }
}

/** `/v1/conversations/:id/messages` → `/v1/conversations/{id}/messages`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}')

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` })

const TAGS: Record<Operation['tag'], string> = {
  visitor: 'The widget’s API. `Authorization: Bearer <session token>`: a visitor reaches only its own conversation. Rate limited (429 with `Retry-After`).',
  checkout: 'The hosted checkout page and the WhatsApp pay link: the unguessable id in the path is the permission.',
  webhooks: 'Signed deliveries from the payment gateway and from Meta’s WhatsApp Cloud API.',
  operator:
    'The operator console’s API. `Authorization: Bearer <operator token>`: each operator has its own (demo: `op_demo` for the admin; `agent_ana_demo`, `agent_kenji_demo`, `agent_lucia_demo` for the agents). An agent reaches only its brands’ conversations, cards, templates and canned replies (another brand’s is 404 and in no list or event); the shop’s settings are the admin’s (403 `forbidden`). Rate limited per token (429 with `Retry-After`).',
  'canned-responses': 'Saved replies with merge fields.',
  templates: 'WhatsApp message templates and their review lifecycle.',
  outreach: 'Business-initiated messages and the credits they spend.',
  mock: 'Controls for tests and the demo, and the simulated WhatsApp Cloud API: the admin’s operator token only (401 without one, 403 with an agent’s), and never readable by another origin (no CORS). Served only in mock mode (`createHandlers({ mock: true })`, the default; `npm start` turns it off beyond loopback and with `PAYCHAT_MOCK_CONTROLS=0`); a server created with `mock: false` answers them 404 and leaves them out of this document.',
  meta: 'This document.',
}

/** The error envelope by status, with the codes the server gives it (docs/api.md, top). */
const ERRORS: Record<ErrorStatus, { name: string; description: string }> = {
  400: {
    name: 'BadRequest',
    description: 'Malformed: `invalid_json`, `validation_failed` (with `field`), `idempotency_key_required`.',
  },
  401: { name: 'Unauthorized', description: '`unauthorized`: no or unknown bearer token.' },
  402: { name: 'PaymentRequired', description: '`insufficient_credits`.' },
  403: {
    name: 'Forbidden',
    description: '`forbidden` (token valid, resource not yours; or an agent’s token where only the admin may), `origin_not_allowed` (the page is not one the brand allows).',
  },
  404: { name: 'NotFound', description: '`not_found`: no such id.' },
  409: { name: 'Conflict', description: 'Not possible in the current state: `invalid_state`, …' },
  410: { name: 'Gone', description: 'No longer available.' },
  413: { name: 'PayloadTooLarge', description: '`payload_too_large`: the body is over 64 KiB.' },
  422: { name: 'Unprocessable', description: 'Well-formed but refused on its merits.' },
  429: { name: 'TooManyRequests', description: '`rate_limited`: wait `Retry-After` seconds (paying also `too_many_attempts`, without it).' },
  500: { name: 'InternalError', description: '`internal_error`: something went wrong on the server’s side.' },
}

/** `required: false` where a 429 can also be a refusal that waiting does not help (`too_many_attempts`). */
const retryAfter = (required: boolean) => ({
  'Retry-After': {
    description: required ? 'Whole seconds to wait before trying again.' : 'With `rate_limited`: whole seconds to wait before trying again.',
    required,
    schema: { type: 'integer', minimum: 1 },
  },
})

function errorResponse(status: ErrorStatus, description: string, retryAfterRequired = true): JsonSchema {
  return {
    description,
    ...(status === 429 ? { headers: retryAfter(retryAfterRequired) } : {}),
    content: { 'application/json': { schema: schemaRef('ApiError') } },
  }
}

/** What every route of its kind may answer besides its own answers. */
function implicitErrors(operation: Operation): ErrorStatus[] {
  const statuses: ErrorStatus[] = []
  if (operation.security === 'visitor') statuses.push(401, 403, 429)
  if (operation.security === 'operator' || operation.security === 'admin') statuses.push(401)
  if (operation.security === 'admin') statuses.push(403)
  // The operator API counts each token's calls; the mock controls are not counted.
  if ((operation.security === 'operator' || operation.security === 'admin') && !operation.mock) statuses.push(429)
  // Bodies are read with a size limit and validated by their schema.
  if (operation.body) statuses.push(400, 413)
  statuses.push(500)
  return statuses
}

function response(answer: Answer): JsonSchema {
  if ('json' in answer) {
    return {
      description: answer.description,
      ...(answer.headers ? { headers: answer.headers } : {}),
      content: { 'application/json': { schema: schemaRef(answer.json) } },
    }
  }
  if ('error' in answer) {
    return answer.description
      ? errorResponse(answer.error, answer.description, !answer.retryAfterOptional)
      : { $ref: `#/components/responses/${ERRORS[answer.error].name}` }
  }
  if ('events' in answer) {
    const names = answer.events.map((name) => `\`${name}\``).join(' or ')
    const data = answer.events.length === 1 ? schemaRef(answer.events[0]!) : { oneOf: answer.events.map(schemaRef) }
    return {
      description: `${answer.description} Each event's \`data:\` is a ${names} (the schema under \`x-event-data\`).`,
      content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': data } },
    }
  }
  if ('text' in answer) return { description: answer.text, content: { 'text/plain': { schema: { type: 'string' } } } }
  if ('html' in answer) return { description: answer.html, content: { 'text/html': { schema: { type: 'string' } } } }
  if ('redirect' in answer) {
    return { description: answer.redirect, headers: { Location: { description: 'Where to go.', schema: { type: 'string' } } } }
  }
  return { description: answer.empty }
}

const withoutDialect = ({ $schema: _schema, $id: _id, ...schema }: JsonSchema) => schema

/** JSON Schema of a zod schema as the handlers accept input (defaults optional, extra fields allowed). */
const inputSchema = (schema: JsonSchema | z.ZodType): JsonSchema =>
  schema instanceof z.ZodType ? withoutDialect(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : schema

function parameter(p: Parameter): JsonSchema {
  return { name: p.name, in: p.in, ...(p.required ? { required: true } : {}), description: p.description, schema: inputSchema(p.schema) }
}

/**
 * Named schemas: answers as the server sends them (`additionalProperties: false` on closed types),
 * request bodies as the server accepts them, each converted by zod with `$ref`s between them.
 */
function componentSchemas(): Record<string, JsonSchema> {
  const convert = (schemas: Record<string, z.ZodType>, io: 'input' | 'output') => {
    const registry = z.registry<{ id: string }>()
    for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id })
    const converted = z.toJSONSchema(registry, {
      io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
      uri: (id) => `#/components/schemas/${id}`,
    })
    return Object.fromEntries(Object.entries(converted.schemas).map(([id, schema]) => [id, withoutDialect(schema as JsonSchema)]))
  }
  return { ...convert(responseSchemas, 'output'), ...convert(requestSchemas, 'input') }
}

function operationObject(operation: Operation, schemas: Record<string, JsonSchema>): JsonSchema {
  const pathParameters = [...operation.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description: operation.pathParams?.[name!] ?? '',
    schema: { type: 'string' },
  }))
  const answers: Partial<Record<number, Answer>> = { ...operation.responses }
  for (const status of implicitErrors(operation)) answers[status] ??= { error: status }
  const responses = Object.fromEntries(
    Object.entries(answers)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, answer]) => [status, response(answer!)]),
  )
  const body = operation.body ? schemas[operation.body]! : undefined
  // Without a body the handlers validate `{}`: the body is required when `{}` would not do.
  const bodyRequired = body !== undefined && (Array.isArray(body.required) ? body.required.length > 0 : 'oneOf' in body || 'anyOf' in body)
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(description(operation) ? { description: description(operation) } : {}),
    tags: [operation.tag],
    security: operation.security === 'public' ? [] : [{ [operation.security === 'visitor' ? 'visitorToken' : 'operatorToken']: [] }],
    ...(pathParameters.length || operation.parameters
      ? { parameters: [...pathParameters, ...(operation.parameters ?? []).map(parameter)] }
      : {}),
    ...(operation.body
      ? { requestBody: { required: bodyRequired, content: { 'application/json': { schema: schemaRef(operation.body) } } } }
      : {}),
    responses,
  }
}

/** An admin route says so first: the scheme is every operator's, the role is what differs. */
function description(operation: Operation): string | undefined {
  if (operation.security !== 'admin') return operation.description
  return ['Admin only: an agent’s token is 403 `forbidden`.', operation.description].filter(Boolean).join(' ')
}

function build(mock: boolean): OpenApiDocument {
  const schemas = componentSchemas()
  const paths: OpenApiDocument['paths'] = {}
  for (const operation of operations) {
    if (operation.mock && !mock) continue
    const item = (paths[openApiPath(operation.path)] ??= {})
    item[operation.method] = operationObject(operation, schemas)
  }
  const usedTags = new Set(operations.filter((o) => mock || !o.mock).map((o) => o.tag))
  return {
    openapi: '3.1.1',
    info: {
      title: 'Paychat reference server',
      version: '1',
      description:
        'The HTTP contract of the Paychat reference server. JSON over HTTP, events over SSE; every error is `{ "error": { code, message, field? } }`. Every answer carries CORS headers for the calling origin. The human reference, with the rules behind each answer, is docs/api.md; the wire types are src/protocol/types.ts.',
    },
    tags: Object.entries(TAGS)
      .filter(([name]) => usedTags.has(name as Operation['tag']))
      .map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas,
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([status, { name, description }]) => [name, errorResponse(Number(status) as ErrorStatus, description)]),
      ),
      securitySchemes: {
        visitorToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The session token of `POST /v1/sessions` (`st_…`): reaches only that visitor’s conversation.',
        },
        operatorToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An operator’s own token, a secret (never its id): demo `op_demo` for the admin (every brand), `agent_ana_demo` (Acme Coffee), `agent_kenji_demo` (Acme Coffee and Sakura Tea), `agent_lucia_demo` (Sakura Tea). `GET /v1/operator/me` says whose it is.',
        },
      },
    },
  }
}

const built = new Map<boolean, OpenApiDocument>()

/**
 * The OpenAPI 3.1 document of every route `createHandlers({ mock })` serves, built once per mode.
 * Treat it as read-only.
 */
export function openApiDocument(options: { mock: boolean }): OpenApiDocument {
  let document = built.get(options.mock)
  if (!document) built.set(options.mock, (document = build(options.mock)))
  return document
}
