import type { Operation } from '../operation'

const document = {
  tag: 'meta',
  security: 'public',
  summary: 'This OpenAPI 3.1 document',
  responses: { 200: { json: 'OpenApiDocument', description: 'The document (mock routes only when the server serves them).' } },
} as const

/** The document itself (`handlers/openapi.ts`). */
export const metaOperations: Operation[] = [
  { ...document, operationId: 'getOpenApiDocument', method: 'get', path: '/openapi.json' },
  { ...document, operationId: 'getOpenApiDocumentV1', method: 'get', path: '/v1/openapi.json' },
]
