import type { OperatorProfile } from '../protocol/types'
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

/** The operator whose token the request carries, or undefined. Every token is compared, in constant time. */
export function operatorOf(state: ServerState, request: Request): OperatorProfile | undefined {
  const token = bearerToken(request)
  let found: string | undefined
  for (const [id, secret] of state.operatorTokens) if (token && safeEqual(token, secret)) found = id
  return found === undefined ? undefined : state.operators.get(found)
}

/** The operator behind the bearer token, or 401. Routes scope what they show and do by it (`access.ts`). */
export function requireOperator(state: ServerState, request: Request): OperatorProfile {
  const operator = operatorOf(state, request)
  if (!operator) throw unauthorized('operator token')
  return operator
}
