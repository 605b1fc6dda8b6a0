import type { z } from 'zod'
import type { ResponseSchemaName } from './components'
import type { RequestSchemaName } from './requests'

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

/**
 * Who may call: the widget's session token, any operator's token (an agent's reaches only its brands'
 * objects), the admin's operator token only (an agent's is 403), or anyone (the id or a signature is
 * the permission).
 */
export type Security = 'visitor' | 'operator' | 'admin' | 'public'

export type Tag = 'visitor' | 'checkout' | 'webhooks' | 'operator' | 'canned-responses' | 'templates' | 'outreach' | 'mock' | 'meta'

/** The refusals every route may give, each a response under `components/responses`. */
export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 500

/** A plain JSON Schema (for parameters the handlers read without a zod schema). */
export type JsonSchema = Record<string, unknown>

export interface Parameter {
  name: string
  in: 'query' | 'header'
  required?: boolean
  description: string
  /** A zod schema is turned into JSON Schema as input, like request bodies. */
  schema: JsonSchema | z.ZodType
}

/** One answer of a route. */
export type Answer =
  /** JSON of a schema under `components/schemas`. */
  | { json: ResponseSchemaName; description: string; headers?: Record<string, { description: string; schema: JsonSchema }> }
  /**
   * The error envelope; `description` lists the codes this route gives with that status. A 429 comes
   * with `Retry-After` unless `retryAfterOptional` (a code of it that waiting does not help).
   */
  | { error: ErrorStatus; description?: string; retryAfterOptional?: true }
  /** `text/event-stream` whose events' `data:` is one of the named schemas. */
  | { events: ResponseSchemaName[]; description: string }
  | { text: string }
  | { html: string }
  | { redirect: string }
  /** No body (204). */
  | { empty: string }

export interface Operation {
  operationId: string
  method: Method
  /** As the handler registers it, with `:param` segments (`/v1/conversations/:id/messages`). */
  path: string
  summary: string
  description?: string
  tag: Tag
  security: Security
  /** Served only when the server is created in mock mode (`createHandlers({ mock: true })`, the default). */
  mock?: boolean
  /** Descriptions of the path parameters, by name. */
  pathParams?: Record<string, string>
  /** Query string and header parameters. */
  parameters?: Parameter[]
  /** The JSON body, validated with the zod schema of that name (`requests.ts`). */
  body?: RequestSchemaName
  /** Answers besides those every route of its kind has (see `document.ts`). */
  responses: Partial<Record<number, Answer>>
}

/** `{ 404: { error: 404 }, 409: { error: 409 } }` for `errors(404, 409)`. */
export function errors(...statuses: ErrorStatus[]): Partial<Record<number, Answer>> {
  return Object.fromEntries(statuses.map((status) => [status, { error: status }]))
}

/** The error envelope with `status`, saying which codes this route answers with it. */
export const refusal = (status: ErrorStatus, description: string, options: { retryAfterOptional?: true } = {}): Answer => ({
  error: status,
  description,
  ...options,
})
