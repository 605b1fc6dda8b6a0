import { http, type HttpHandler } from 'msw'
import { preflight } from './cors'
import { cannedResponseHandlers } from './handlers/canned-responses'
import { checkoutHandlers } from './handlers/checkout'
import { graphApiHandlers } from './handlers/graph-api'
import { mockHandlers } from './handlers/mock'
import { openApiHandlers } from './handlers/openapi'
import { operatorHandlers } from './handlers/operator'
import { outreachHandlers } from './handlers/outreach'
import { templateHandlers } from './handlers/templates'
import { visitorHandlers } from './handlers/visitor'
import { whatsappWebhookHandlers } from './handlers/whatsapp'
import { ApiFailure } from './api-error'
import { json } from './http'
import { withCors } from './cors'
import { createServerState, type ServerState } from './state'

export { createServerState } from './state'
export type { ServerState, ServerStateOptions } from './state'

export interface HandlerOptions {
  /** Shared state; a fresh seeded one when omitted. */
  state?: ServerState
  /** Serve `/v1/mock/*` controls (default true: the reference server is for demos and tests). */
  mock?: boolean
}

/**
 * Every route of the Paychat contract as MSW request handlers: use them with `setupServer` in tests,
 * `setupWorker` in a browser, or `createNodeServer` as a real HTTP server.
 */
export function createHandlers(options: HandlerOptions = {}): HttpHandler[] {
  const state = options.state ?? createServerState()
  return [
    http.options('*/v1/*', ({ request }) => preflight(request)),
    ...openApiHandlers({ mock: options.mock !== false }),
    ...visitorHandlers(state),
    ...checkoutHandlers(state),
    ...operatorHandlers(state),
    ...whatsappWebhookHandlers(state),
    ...cannedResponseHandlers(state),
    ...templateHandlers(state, { mock: options.mock !== false }),
    ...outreachHandlers(state),
    ...(options.mock === false ? [] : [...mockHandlers(state), ...graphApiHandlers(state)]),
    // Last: any other /v1 path gets the error envelope instead of falling through.
    http.all('*/v1/*', ({ request }) =>
      withCors(request, json(new ApiFailure(404, 'not_found', `No route ${request.method} ${new URL(request.url).pathname}.`).toBody(), 404)),
    ),
  ]
}
