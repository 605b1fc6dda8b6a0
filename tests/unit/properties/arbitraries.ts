import fc from 'fast-check'
import type { Message, PaymentRequest, PaymentRequestStatus } from '../../../src/protocol/types'

/** Final statuses (DESIGN.md, "Payment request states"): a transition out of one is a 409. */
export const FINAL: readonly PaymentRequestStatus[] = ['paid', 'declined', 'revoked', 'expired']
export const STATUSES: readonly PaymentRequestStatus[] = ['pending', 'checkout_open', 'paid', 'failed', 'unknown', 'declined', 'revoked', 'expired']
export const isFinal = (status: PaymentRequestStatus) => FINAL.includes(status)

/**
 * What the reference server can do next from each status (src/server/payments.ts): Pay Now opens a
 * checkout; the gateway pays, declines or leaves it unknown; the visitor cancels (declined), the
 * operator revokes, time expires the open ones; an unknown charge settles to paid or failed.
 */
export const NEXT: Record<PaymentRequestStatus, readonly PaymentRequestStatus[]> = {
  pending: ['checkout_open', 'declined', 'revoked', 'expired'],
  checkout_open: ['paid', 'failed', 'unknown', 'declined', 'revoked', 'expired'],
  failed: ['checkout_open', 'paid', 'failed', 'unknown', 'declined', 'revoked', 'expired'],
  unknown: ['paid', 'failed'],
  paid: [],
  declined: [],
  revoked: [],
  expired: [],
}

const BASE = Date.UTC(2025, 0, 1, 12, 0, 0)
export const iso = (ms: number) => new Date(BASE + ms).toISOString()

export function snapshot(status: PaymentRequestStatus, updatedMs: number, over: Partial<PaymentRequest> = {}): PaymentRequest {
  return {
    id: 'pr_1',
    conversationId: 'conv_1',
    paymentPageId: 'pp_1',
    title: 'Beans',
    description: '1 kg',
    price: { amount: 1200, currency: 'JPY' },
    billing: { type: 'one_time' },
    status,
    failure: status === 'failed' ? { code: 'card_declined', message: `declined at ${updatedMs}` } : null,
    receipt: status === 'paid' ? { cardBrand: 'visa', last4: '4242', reference: `ch_${updatedMs}`, paidAt: iso(updatedMs) } : null,
    createdAt: iso(0),
    updatedAt: iso(updatedMs),
    expiresAt: iso(86_400_000),
    // Unless a history numbers them, versions follow time (and tie with it).
    version: Math.floor(updatedMs / 1000) + 1,
    ...over,
  }
}

export const status = fc.constantFrom(...STATUSES)

/** Any snapshot of card pr_1: any status, any of a few instants (so equal timestamps are common). */
export const anySnapshot = fc
  .record({ status, second: fc.integer({ min: 0, max: 6 }), tag: fc.nat(3) })
  .map(({ status, second, tag }) => snapshot(status, second * 1000, { description: `v${tag}` }))

/**
 * A history the server could produce: a walk through the state machine from `pending`, each step at
 * the same instant as the one before (a frozen mock clock) or later when `ties` is set, else strictly later.
 */
export function serverHistory({ ties }: { ties: boolean }) {
  return fc
    .array(fc.record({ pick: fc.nat(), gap: fc.integer({ min: ties ? 0 : 1, max: 3 }) }), { maxLength: 8 })
    .map((steps) => {
      let current = snapshot('pending', 0, { version: 1 })
      const history = [current]
      for (const { pick, gap } of steps) {
        const options = NEXT[current.status]
        if (options.length === 0) break
        // As the server numbers them: one more at every change, whatever the clock says.
        current = snapshot(options[pick % options.length]!, Date.parse(current.updatedAt) - BASE + gap * 1000, {
          version: history.length + 1,
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
