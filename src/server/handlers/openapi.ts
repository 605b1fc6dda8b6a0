import type { HttpHandler } from 'msw'
import { openApiDocument } from '../openapi'
import { route } from '../route'

/** The OpenAPI 3.1 document of this server, at `/openapi.json` and `/v1/openapi.json` (same CORS as every route). */
export function openApiHandlers(options: { mock: boolean }): HttpHandler[] {
  const document = () => openApiDocument(options)
  return [route('get', '/openapi.json', document), route('get', '/v1/openapi.json', document)]
}
