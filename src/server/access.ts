import type { Operator, OperatorProfile } from '../protocol/types'
import { ApiFailure, notFound } from './api-error'

/**
 * The brand-scoping rule, written once: an operator reaches the objects of its brands (an admin has
 * every brand). An object with `brandId: null` (a shared canned reply) belongs to every brand.
 */
export function reaches(operator: OperatorProfile, object: { brandId: string | null }): boolean {
  return object.brandId === null || operator.brandIds.includes(object.brandId)
}

/**
 * The object when the operator reaches it; otherwise 404, exactly as for an id that does not exist,
 * so another brand's ids are neither confirmed nor touched.
 */
export function inReach<T extends { brandId: string | null }>(operator: OperatorProfile, object: T | undefined, what: string): T {
  if (!object || !reaches(operator, object)) throw notFound(what)
  return object
}

/** A list as the operator sees it: its brands' objects, of one brand when `brandId` names one. */
export function inReachOf<T extends { brandId: string }>(operator: OperatorProfile, all: Iterable<T>, brandId: string | null): T[] {
  return [...all].filter((object) => reaches(operator, object) && (!brandId || object.brandId === brandId))
}

/**
 * An id named in a body (a page to share, a template to send): another brand's object is 404 as if it
 * did not exist. One that does not exist at all is left to the domain's own refusal.
 */
export function refuseOutOfReach(operator: OperatorProfile, object: { brandId: string } | undefined, what: string): void {
  if (object && !reaches(operator, object)) throw notFound(what)
}

/** The shop's settings and the mock controls: 403 `forbidden` for anyone but an admin. */
export function requireAdmin(operator: OperatorProfile): void {
  if (operator.role !== 'admin') throw new ApiFailure(403, 'forbidden', 'Only an admin may do this; your operator token is an agent’s.')
}

/** A brand named in a body: 422 `unknown_brand` when it does not exist or is not the operator's to use. */
export function brandInReach(operator: OperatorProfile, brandId: string): void {
  if (!operator.brandIds.includes(brandId)) throw new ApiFailure(422, 'unknown_brand', 'No brand with that id among yours.', 'brandId')
}

/** How an operator shows as a conversation's assignee: its name, not its role or brands. */
export const assigneeOf = ({ id, name }: Operator): Operator => ({ id, name })
