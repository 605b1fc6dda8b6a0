import { ApiFailure } from './api-error'
import { assertOriginAllowed } from './embed-origin'
import { bearerToken, safeEqual } from './http'
import type { ServerState, VisitorRecord } from './state'

const unauthorized = (what: string) =>
  new ApiFailure(401, 'unauthorized', `Send a valid ${what} as "Authorization: Bearer <token>".`)

/** The visitor behind the bearer token, calling from a page its brand allows. */
export function requireVisitor(state: ServerState, request: Request): VisitorRecord {
  const token = bearerToken(request)
  const visitor = token ? state.visitors.get(token) : undefined
  if (!visitor) throw unauthorized('session token')
  const brand = state.brands.get(visitor.brandId)
  if (brand) assertOriginAllowed(brand, request)
  return visitor
}

export function requireOperator(state: ServerState, request: Request): void {
  const token = bearerToken(request)
  if (!token || !safeEqual(token, state.operatorToken)) throw unauthorized('operator token')
}
