import fc from 'fast-check'
import type { Message, PaymentRequest, PaymentRequestStatus, TransactionType } from '../../../src/protocol/types'

/** Final statuses (DESIGN.md, "Payment request states"): a transition out of one is a 409. */
export const FINAL: readonly PaymentRequestStatus[] = ['paid', 'declined', 'revoked', 'expired', 'voided', 'card_saved']
export const STATUSES: readonly PaymentRequestStatus[] = [
  'pending',
  'checkout_open',
  'paid',
  'failed',
  'unknown',
  'declined',
  'revoked',
  'expired',
  'authorized',
  'voided',
  'card_saved',
]
export const isFinal = (status: PaymentRequestStatus) => FINAL.includes(status)
export const TRANSACTION_TYPES: readonly TransactionType[] = ['sale', 'authorize', 'save_card']

/**
 * What the reference server can do next from each status (src/server/payments.ts, docs/api.md): Pay Now
 * opens a checkout, which the payer may leave (back to pending); the gateway approves (paid, or for the
 * other transaction types authorized or card_saved), declines or leaves it unknown; another card pays
 * one more part of a split (checkout_open again); the visitor cancels (declined), the operator revokes,
 * time expires the open ones; an unknown charge settles; the operator captures (paid) or voids a hold.
 * `fits` narrows this to what one card's transaction type and payments so far allow.
 */
export const NEXT: Record<PaymentRequestStatus, readonly PaymentRequestStatus[]> = {
  pending: ['checkout_open', 'declined', 'revoked', 'expired'],
  checkout_open: ['pending', 'checkout_open', 'paid', 'failed', 'unknown', 'authorized', 'card_saved', 'declined', 'revoked', 'expired'],
  failed: ['checkout_open', 'paid', 'failed', 'unknown', 'authorized', 'card_saved', 'declined', 'revoked', 'expired'],
  unknown: ['paid', 'failed', 'authorized', 'card_saved'],
  authorized: ['paid', 'voided'],
  paid: [],
  declined: [],
  revoked: [],
  expired: [],
  voided: [],
  card_saved: [],
}

/** Whether `card` may move to `to`, given what it is (sale, hold, saved card) and what is paid of it. */
export function fits(card: PaymentRequest, to: PaymentRequestStatus): boolean {
  const type = card.transactionType
  const paid = card.amountPaid.amount
  switch (to) {
    case 'paid':
      // A hold is paid only by its capture; a saved card is never paid.
      return type === 'sale' || (type === 'authorize' && card.status === 'authorized')
    case 'authorized':
      return type === 'authorize' && card.status !== 'authorized'
    case 'card_saved':
      return type === 'save_card'
    case 'pending':
    case 'declined':
      // Once part is paid the card keeps its session and the visitor may not cancel it (409 partially_paid).
      return paid === 0
    case 'checkout_open':
      // From an open checkout, only as one more part of a split sale, which leaves some still to pay.
      return card.status !== 'checkout_open' || (type === 'sale' && card.price.amount - paid >= 2)
    default:
      return true
  }
}

/** What is paid of `card` once it moved to `to`: a split part adds `part` (kept below the price), paid is all. */
function paidAfter(card: PaymentRequest, to: PaymentRequestStatus, part: number): number {
  const paid = card.amountPaid.amount
  if (to === 'paid') return card.price.amount
  if (to === 'checkout_open' && card.status === 'checkout_open') return paid + 1 + (part % (card.price.amount - paid - 1))
  return paid
}

const BASE = Date.UTC(2025, 0, 1, 12, 0, 0)
export const iso = (ms: number) => new Date(BASE + ms).toISOString()

const PRICE = 1200

export function snapshot(status: PaymentRequestStatus, updatedMs: number, over: Partial<PaymentRequest> = {}): PaymentRequest {
  const approved = status === 'paid' || status === 'authorized' || status === 'card_saved'
  return {
    id: 'pr_1',
    conversationId: 'conv_1',
    paymentPageId: 'pp_1',
    title: 'Beans',
    description: '1 kg',
    price: { amount: PRICE, currency: 'JPY' },
    billing: { type: 'one_time' },
    status,
    failure: status === 'failed' ? { code: 'card_declined', message: `declined at ${updatedMs}` } : null,
    receipt: approved ? { cardBrand: 'visa', last4: '4242', reference: `ch_${updatedMs}`, paidAt: iso(updatedMs) } : null,
    createdAt: iso(0),
    updatedAt: iso(updatedMs),
    expiresAt: iso(86_400_000),
    // Unless a history numbers them, versions follow time (and tie with it).
    version: Math.floor(updatedMs / 1000) + 1,
    transactionType: status === 'authorized' || status === 'voided' ? 'authorize' : status === 'card_saved' ? 'save_card' : 'sale',
    amountPaid: { amount: status === 'paid' ? PRICE : 0, currency: 'JPY' },
    charges: [],
    subscription: null,
    savedCard: status === 'card_saved' ? { token: 'pm_1', cardBrand: 'visa', last4: '4242' } : null,
    ...over,
  }
}

export const status = fc.constantFrom(...STATUSES)

/**
 * Any snapshot of card pr_1: any status, any of a few instants (so equal timestamps are common), and
 * for the statuses a split payment stays in, sometimes part of it paid.
 */
export const anySnapshot = fc
  .record({ status, second: fc.integer({ min: 0, max: 6 }), tag: fc.nat(3), part: fc.constantFrom(0, 0, 300, 1199) })
  .map(({ status, second, tag, part }) =>
    snapshot(status, second * 1000, {
      description: `v${tag}`,
      ...((status === 'checkout_open' || status === 'failed') && { amountPaid: { amount: part, currency: 'JPY' } }),
    }),
  )

/**
 * A history the server could produce for one card of any transaction type: a walk through the state
 * machine from `pending`, each step at the same instant as the one before (a frozen mock clock) or later
 * when `ties` is set, else strictly later.
 */
export function serverHistory({ ties }: { ties: boolean }) {
  const step = fc.record({ pick: fc.nat(), part: fc.nat(), gap: fc.integer({ min: ties ? 0 : 1, max: 3 }) })
  return fc
    .record({ type: fc.constantFrom(...TRANSACTION_TYPES), steps: fc.array(step, { maxLength: 8 }) })
    .map(({ type, steps }) => {
      let current = snapshot('pending', 0, { version: 1, transactionType: type })
      const history = [current]
      for (const { pick, part, gap } of steps) {
        const from = current
        const options = NEXT[from.status].filter((to) => fits(from, to))
        if (options.length === 0) break
        const to = options[pick % options.length]!
        // As the server numbers them: one more at every change, whatever the clock says.
        current = snapshot(to, Date.parse(from.updatedAt) - BASE + gap * 1000, {
          version: history.length + 1,
          transactionType: type,
          amountPaid: { amount: paidAfter(from, to, part), currency: 'JPY' },
        })
        history.push(current)
      }
      return history
    })
}

/**
 * The order the widget hears the snapshots in: every one at least once, shuffled, some again (SSE
 * replays, refetches after a checkout hint, message snapshots racing events).
 */
export function deliveries<T>(items: readonly T[]) {
  return fc
    .array(fc.nat({ max: items.length - 1 }), { maxLength: items.length * 2 })
    .chain((extra) => {
      const all = [...items.keys(), ...extra]
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length })
    })
    .map((order) => order.map((i) => items[i]!))
}

export function messageAt(id: string, createdMs: number, over: Partial<Message> = {}): Message {
  return {
    id,
    conversationId: 'conv_1',
    clientId: null,
    type: 'text',
    author: { role: 'operator', name: 'Ana' },
    text: id,
    paymentRequest: null,
    createdAt: iso(createdMs),
    ...over,
  }
}
