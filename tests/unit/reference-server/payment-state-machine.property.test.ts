import fc from 'fast-check'
import { expect, test } from 'vitest'
import type { PaymentRequestStatus } from '../../../src/protocol/types'
import { asOperator, call, card, checkout, OPERATOR_TOKEN, pay, startVisitor, useReferenceServer } from './harness'

// Each step re-reads every card, far past a person's pace: rate-limits.test.ts covers the limits.
const state = useReferenceServer({ rateLimits: false })

/** DESIGN.md's machine: every status a request may move to from each status (staying put is always allowed). */
const ALLOWED: Record<PaymentRequestStatus, PaymentRequestStatus[]> = {
  pending: ['checkout_open', 'declined', 'revoked', 'expired'],
  // Back to `pending` when the payer cancels the checkout page (or it times out) with nothing paid.
  checkout_open: ['pending', 'paid', 'failed', 'unknown', 'declined', 'revoked', 'expired'],
  failed: ['checkout_open', 'paid', 'failed', 'unknown', 'declined', 'revoked', 'expired'],
  // `expired` too when it fails after its lifetime ran out: failed, then expired by the very next read.
  unknown: ['paid', 'failed', 'expired'],
  // Cards shared as `authorize` or `save_card` (this property shares sales only, so it never reaches these).
  authorized: ['paid', 'voided'],
  voided: [],
  card_saved: [],
  paid: [],
  declined: [],
  revoked: [],
  expired: [],
}
const PAYABLE: PaymentRequestStatus[] = ['pending', 'checkout_open', 'failed']

const CARDS = ['4242 4242 4242 4242', '4000 0000 0000 0002', '4000 0000 0000 0119']
// Weighted towards the payer's path (share, Pay now, pay), so most runs get as far as money moving.
const op = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('share' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('checkout' as const), card: fc.nat(3), key: fc.constantFrom('k1', 'k2', 'k3') }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pay' as const), card: fc.nat(3), number: fc.constantFrom(...CARDS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('decline' as const), card: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), card: fc.nat(3), reason: fc.constantFrom('payer', 'timeout') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const), card: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settle' as const), card: fc.nat(3), outcome: fc.constantFrom('paid', 'failed') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('time' as const), ms: fc.constantFrom(60_000, 31 * 60_000, 25 * 3_600_000) }) },
)

test('random sequences of visitor, operator, payer (paying or leaving the page) and clock actions never break the payment state machine or charge twice', async () => {
  await fc.assert(
    // Every run starts with a shared card, so no run is spent on actions with nothing to act on.
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 24 }).map((ops) => [{ kind: 'share' as const }, ...ops]), async (ops) => {
      state.reset()
      const visitor = await startVisitor()
      const ids: string[] = []
      const sessions = new Map<string, string>()
      /** The session each Pay now idempotency key was first answered with, by card. */
      const answers = new Map<string, string>()
      const seen = new Map<string, PaymentRequestStatus>()
      const charges = new Map<string, number>()
      const pick = (n: number) => ids[n % Math.max(1, ids.length)]

      for (const step of ops) {
        const id = step.kind === 'share' || step.kind === 'time' ? undefined : pick(step.card)
        if (step.kind === 'share') {
          const res = await asOperator<any>('POST', `/v1/operator/conversations/${visitor.conversationId}/payment-requests`, {
            paymentPageId: 'pp_house_blend',
          })
          ids.push(res.body.id)
        } else if (step.kind === 'time') {
          await asOperator('POST', '/v1/mock/clock', { advanceMs: step.ms })
          // Idempotency keys are answered alike for a day only.
          if (step.ms >= 24 * 3_600_000) answers.clear()
        } else if (!id) {
          continue
        } else if (step.kind === 'checkout') {
          const before = seen.get(id) ?? 'pending'
          const res = await checkout(visitor.token, id, step.key)
          const replayed = answers.get(`${id} ${step.key}`)
          // A key used before repeats its first answer (paying that session is refused, which the transition
          // check below would catch); a new key opens a new checkout only for a payable card.
          if (res.status === 200 && replayed) expect(res.body.checkoutSessionId).toBe(replayed)
          else if (res.status === 200 && !PAYABLE.includes(before)) expect(res.body.checkoutSessionId).toBe(sessions.get(id))
          if (res.status === 200) {
            sessions.set(id, res.body.checkoutSessionId)
            answers.set(`${id} ${step.key}`, res.body.checkoutSessionId)
          }
        } else if (step.kind === 'pay') {
          const session = sessions.get(id)
          if (!session) continue
          const res = await pay(session, card(step.number))
          if (res.status === 200 && res.body.outcome === 'paid') charges.set(id, (charges.get(id) ?? 0) + 1)
        } else if (step.kind === 'leave') {
          // The payer gives up the checkout page: Cancel on the page, or the page's idle timeout.
          const session = sessions.get(id)
          if (session) await call('POST', `/v1/checkout/sessions/${session}/cancel`, { body: { reason: step.reason } })
        } else if (step.kind === 'decline') {
          await call('POST', `/v1/payment-requests/${id}/decline`, { token: visitor.token })
        } else if (step.kind === 'revoke') {
          await asOperator('POST', `/v1/operator/payment-requests/${id}/revoke`)
        } else if (step.kind === 'settle') {
          const res = await asOperator<any>('POST', `/v1/mock/payment-requests/${id}/settle`, { outcome: step.outcome })
          if (res.status === 200 && res.body.status === 'paid') charges.set(id, (charges.get(id) ?? 0) + 1)
        }

        for (const requestId of ids) {
          const { body, status } = await call<any>("GET", `/v1/payment-requests/${requestId}`, { token: visitor.token })
          expect(status, JSON.stringify(body)).toBe(200)
          const before = seen.get(requestId) ?? 'pending'
          const now = body.status as PaymentRequestStatus
          // Settled as failed once the card's own 24 h had passed: it fails and expires in the one step.
          const failedPastExpiry = before === 'unknown' && now === 'expired' && step.kind === 'settle' && step.outcome === 'failed'
          if (now !== before && !failedPastExpiry) expect(ALLOWED[before], `${before} -> ${now} after ${JSON.stringify(step)}`).toContain(now)
          expect(charges.get(requestId) ?? 0).toBeLessThanOrEqual(1)
          if (now === 'paid') expect(body.receipt).not.toBeNull()
          seen.set(requestId, now)
        }
      }
    }),
    { numRuns: 150 },
  )
}, 60_000)
