import { http, type HttpHandler } from 'msw'
import { ApiFailure } from './api-error'
import { withCors } from './cors'
import { requireOperator } from './auth'
import { json } from './http'
import type { ServerState } from './state'

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'
type Params = Record<string, string>
type Resolver = (input: { request: Request; params: Params }) => Response | unknown | Promise<Response | unknown>

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

/** Routes under `/v1/operator<prefix>` that first require the operator token. */
export function operatorRoutes(state: ServerState, prefix = '') {
  return (method: Method, path: string, resolve: Resolver): HttpHandler =>
    route(method, `/v1/operator${prefix}${path}`, (input) => {
      requireOperator(state, input.request)
      return resolve(input)
    })
}
