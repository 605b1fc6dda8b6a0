import type { PaymentRequest, PaymentRequestStatus } from '../protocol/types'

const FINAL: readonly PaymentRequestStatus[] = ['paid', 'declined', 'revoked', 'expired']

/**
 * Whether `incoming` is older than (or no news over) `current`. Answers, events and embedded message
 * snapshots race each other, so the newer `updatedAt` wins. At the same instant (a frozen mock clock)
 * the later arrival wins, except that a final status never turns back.
 */
export function isStaleCard(current: PaymentRequest, incoming: PaymentRequest): boolean {
  const now = Date.parse(current.updatedAt)
  const then = Date.parse(incoming.updatedAt)
  if (then !== now) return then < now
  return incoming.status === current.status || FINAL.includes(current.status)
}

/** The cards with `card` applied, or the same object when it is stale. */
export function mergeCard(
  cards: Record<string, PaymentRequest>,
  card: PaymentRequest,
): Record<string, PaymentRequest> {
  const current = cards[card.id]
  if (current && isStaleCard(current, card)) return cards
  return { ...cards, [card.id]: card }
}
