import type { Message, PaymentRequest, PaymentRequestStatus } from '../protocol/types'

/** Statuses nothing moves on from (`authorized` is not one: it is captured or voided). */
const FINAL: readonly PaymentRequestStatus[] = ['paid', 'declined', 'revoked', 'expired', 'voided', 'card_saved']

/**
 * Whether `incoming` is older than (or no news over) `current`. Answers, events and embedded message
 * snapshots race each other: the server's `version` orders them, even two made in the same instant.
 * Snapshots of one version (the same one again, or a server without versions) fall back to time: the
 * newer `updatedAt` wins, at the same instant the later arrival, except that a final status never turns back.
 */
export function isStaleCard(current: PaymentRequest, incoming: PaymentRequest): boolean {
  if (incoming.version !== current.version) return incoming.version < current.version
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

/** The cards with those of `messages` applied (a page of history, a resync), each only when newer. */
export function mergeCards(cards: Record<string, PaymentRequest>, messages: readonly Pick<Message, 'paymentRequest'>[]): Record<string, PaymentRequest> {
  for (const message of messages) if (message.paymentRequest) cards = mergeCard(cards, message.paymentRequest)
  return cards
}
