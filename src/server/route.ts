import { http, type HttpHandler } from 'msw'
import type { OperatorProfile } from '../protocol/types'
import { requireAdmin } from './access'
import { ApiFailure } from './api-error'
import { withCors } from './cors'
import { requireOperator } from './auth'
import { json } from './http'
import type { ServerState } from './state'

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'
type Params = Record<string, string>
type Resolver = (input: { request: Request; params: Params }) => Response | unknown | Promise<Response | unknown>
/** An operator route's resolver also gets the operator calling, to scope what it shows and does. */
type OperatorResolver = (input: { request: Request; params: Params; operator: OperatorProfile }) => Response | unknown | Promise<Response | unknown>

/**
 * One API route on any origin (the server runs on any host and port). A resolver returns a Response
 * or a value sent as 200 JSON; an ApiFailure becomes the error envelope; every answer gets CORS.
 */
export function route(method: Method, path: string, resolve: Resolver): HttpHandler {
  return http[method](`*${path}`, async ({ request, params }) => {
    let response: Response
    try {
      const result = await resolve({ request, params: params as Params })
      response = result instanceof Response ? result : json(result)
    } catch (error) {
      const failure =
        error instanceof ApiFailure ? error : new ApiFailure(500, 'internal_error', 'Something went wrong on our side.')
      if (failure !== error) console.error(error)
      response = json(failure.toBody(), failure.status, failure.headers)
    }
    return withCors(request, response)
  })
}

/**
 * Routes under `/v1/operator<prefix>`: first an operator token (401), then that token's rate limit
 * (429), then, for `admin` routes, the admin's role (403).
 */
export function operatorRoutes(state: ServerState, prefix = '', access: 'any' | 'admin' = 'any') {
  return (method: Method, path: string, resolve: OperatorResolver): HttpHandler =>
    route(method, `/v1/operator${prefix}${path}`, (input) => {
      const operator = requireOperator(state, input.request)
      state.rateLimits.admitOperator(operator.id)
      if (access === 'admin') requireAdmin(operator)
      return resolve({ ...input, operator })
    })
}

/**
 * Routes under `/v1/mock`: the admin's token or nothing (401 without one, 403 for an agent's). Not
 * rate limited: they exist for tests and the demo, which move the clock as often as they need.
 */
export function mockRoutes(state: ServerState) {
  return (method: Method, path: string, resolve: OperatorResolver): HttpHandler =>
    route(method, `/v1/mock${path}`, (input) => {
      const operator = requireOperator(state, input.request)
      requireAdmin(operator)
      return resolve({ ...input, operator })
    })
}
