import fc from 'fast-check'
import { expect, test } from 'vitest'
import { surchargeQuote } from '../../src/checkout/surcharge'
import { surchargeFor } from '../../src/i18n/currency'
import type { CheckoutPayBody, CheckoutPayResult, CheckoutSessionView, PaymentRequest, Transaction } from '../../src/protocol/types'
import { GATEWAY_EVENT_TYPES } from '../../src/server/gateway/gateway-event'
import { CARDS } from '../unit/reference-server/checkout-calls'
import { asOperator, call, card, checkout, startVisitor, useReferenceServer } from '../unit/reference-server/harness'
import { eventId, eventJson, gatewayWebhooks, mockControl } from './gateway-webhooks'

// Every step re-reads every card, far past a person's pace: card-testing.test.ts covers the rate limit.
const state = useReferenceServer({ rateLimits: false, gatewayWebhookSecret: 'whsec_security_property' })
const deliver = gatewayWebhooks(state)

const NUMBERS = [CARDS.visa, CARDS.amex, CARDS.declined, CARDS.unknown, CARDS.threeDSecure]
const AMOUNTS = [undefined, 16, 99, 100, 116, 500, 1000, 2400]
// Two cards at most in play, so most steps act on a card that has a page open.
const nat = fc.nat(1)

// Weighted towards money moving: paying, parts, extras and the gateway's (or a forger's) events.
const op = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('share' as const), type: fc.constantFrom('sale', 'sale', 'authorize') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('checkout' as const), card: nat }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      card: nat,
      number: fc.constantFrom(...NUMBERS),
      amount: fc.constantFrom(...AMOUNTS),
      // What the payer approves: what the page quotes, nothing, or each part's own rounding (the old dodge).
      approve: fc.constantFrom('quoted', 'quoted', 'none', 'alone'),
      key: fc.constantFrom('fresh', 'fresh', 'k1'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('extra' as const), card: nat, amex: fc.boolean(), amount: fc.constantFrom(16, 500) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('answer' as const), card: nat, result: fc.constantFrom('pass', 'fail') }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('webhook' as const),
      card: nat,
      type: fc.constantFrom(...GATEWAY_EVENT_TYPES),
      // Which attempt it names: one the gateway made (by the history), or one it never made; and for
      // which card: the attempt's own, or the card picked.
      reference: fc.oneof({ weight: 4, arbitrary: fc.nat(9) }, { weight: 1, arbitrary: fc.constant('ch_forged') }),
      ownCard: fc.boolean(),
      amount: fc.constantFrom('right', 'right', 'one', 'double'),
      complete: fc.constantFrom(true, true, true, false),
      id: fc.constantFrom('fresh', 'evt_reused'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), card: nat }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('decline' as const), card: nat }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke' as const), card: nat }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hold' as const), card: nat, action: fc.constantFrom('capture', 'void') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settle' as const), card: nat, outcome: fc.constantFrom('paid', 'failed') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('time' as const), ms: fc.constantFrom(60_000, 25 * 3_600_000) }) },
)

/** What the payer agreed to pay on top of the price with one attempt: its surcharge and an extra payment. */
interface Approved {
  surcharge: number
  extra: number
}

test('no sequence of pays, parts, extras, webhooks (forged ones included) and cancels charges more than the price plus approved surcharges and extras, or marks a card paid for less than its price', async () => {
  await fc.assert(
    // Every run starts with a card on an open page, so no run is spent on steps with nothing to act on.
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 24 }).map((ops) => [{ kind: 'share' as const, type: 'sale' }, { kind: 'checkout' as const, card: 0 }, ...ops]), async (ops) => {
      state.reset()
      const visitor = await startVisitor()
      const cards: PaymentRequest[] = []
      const sessions = new Map<string, string>()
      // By charge reference: what the payer approved with the attempt that made it.
      const approved = new Map<string, Approved>()
      // Approved with an attempt still in the air (the bank's step), by checkout session.
      const awaiting = new Map<string, Approved>()
      const pick = (n: number) => cards[n % cards.length]!
      const history = async () =>
        (await asOperator<{ transactions: Transaction[] }>('GET', `/v1/operator/conversations/${visitor.conversationId}/transactions`)).body.transactions

      /** Notes what the payer approved with an attempt, by the reference the answer gives it. */
      const remember = (answer: { status: number; body: CheckoutPayResult }, sessionId: string, approval: Approved) => {
        if (answer.status !== 200) return
        const reference = answer.body.charge?.reference ?? answer.body.paymentRequest.failure?.reference
        if (answer.body.outcome === 'requires_action') awaiting.set(sessionId, approval)
        else if (reference && answer.body.outcome !== 'failed') approved.set(reference, approval)
      }

      for (const step of ops) {
        if (step.kind === 'share') {
          const shared = await asOperator<PaymentRequest>('POST', `/v1/operator/conversations/${visitor.conversationId}/payment-requests`, {
            paymentPageId: 'pp_house_blend',
            transactionType: step.type,
          })
          cards.push(shared.body)
          continue
        }
        if (step.kind === 'time') {
          await mockControl('POST', '/clock', { advanceMs: step.ms })
          continue
        }
        const request = pick(step.card)
        const sessionId = sessions.get(request.id)
        if (step.kind === 'checkout') {
          const link = await checkout(visitor.token, request.id)
          if (link.status === 200) sessions.set(request.id, link.body.checkoutSessionId)
        } else if (step.kind === 'pay' && sessionId) {
          const view = (await call<CheckoutSessionView>('GET', `/v1/checkout/sessions/${sessionId}`)).body
          const body: CheckoutPayBody = card(step.number, step.number === CARDS.amex ? { cvc: '1234' } : {})
          if (step.amount !== undefined) body.amount = step.amount
          const amount = step.amount ?? view.amountDue.amount
          const cardBrand = step.number === CARDS.amex ? 'amex' : 'visa'
          const quoted = surchargeQuote(view.surcharges, cardBrand, amount, 'USD', view.charges)?.fee ?? 0
          const alone = surchargeQuote(view.surcharges, cardBrand, amount, 'USD')?.fee ?? 0
          body.approvedSurcharge = step.approve === 'quoted' ? quoted : step.approve === 'alone' ? alone : 0
          const key = step.key === 'fresh' ? crypto.randomUUID() : step.key
          const answer = await call<CheckoutPayResult>('POST', `/v1/checkout/sessions/${sessionId}/pay`, { body, headers: { 'idempotency-key': key } })
          remember(answer, sessionId, { surcharge: body.approvedSurcharge, extra: 0 })
        } else if (step.kind === 'extra' && sessionId) {
          const view = (await call<CheckoutSessionView>('GET', `/v1/checkout/sessions/${sessionId}`)).body
          const cardBrand = step.amex ? 'amex' : 'visa'
          const fee = surchargeQuote(view.surcharges, cardBrand, step.amount, 'USD')?.fee ?? 0
          const body = card(step.amex ? CARDS.amex : CARDS.visa, { extra: { label: 'Tip', amount: step.amount }, approvedSurcharge: fee, ...(step.amex ? { cvc: '1234' } : {}) })
          const answer = await call<CheckoutPayResult>('POST', `/v1/checkout/sessions/${sessionId}/pay`, { body, headers: { 'idempotency-key': crypto.randomUUID() } })
          remember(answer, sessionId, { surcharge: fee, extra: step.amount })
        } else if (step.kind === 'answer' && sessionId) {
          const view = (await call<CheckoutSessionView>('GET', `/v1/checkout/sessions/${sessionId}`)).body
          if (!view.challenge) continue
          const answer = await call<CheckoutPayResult>('POST', `/v1/checkout/sessions/${sessionId}/challenges/${view.challenge.id}`, {
            body: { result: step.result },
            headers: { 'idempotency-key': crypto.randomUUID() },
          })
          remember(answer, sessionId, awaiting.get(sessionId) ?? { surcharge: 0, extra: 0 })
        } else if (step.kind === 'webhook') {
          const attempts = (await history()).filter((t) => t.reference.startsWith('ch_'))
          const named = typeof step.reference === 'number' ? attempts[step.reference % Math.max(1, attempts.length)] : undefined
          const reference = named?.reference ?? 'ch_forged'
          const right = named?.amount ?? request.price
          const paymentRequestId = step.ownCard && named ? named.paymentRequestId : request.id
          const amount = { ...right, amount: step.amount === 'right' ? right.amount : step.amount === 'one' ? 1 : right.amount * 2 }
          const charge = { reference, kind: 'balance', label: null, amount, surcharge: { amount: 0, currency: 'USD' }, method: 'card', cardBrand: 'visa', last4: '4242', at: state.clock.iso() }
          const failure = { code: 'card_declined', message: 'Declined.', reference }
          const subscription = { id: 'sub_forged', status: 'active', interval: 'month', intervalCount: 1, nextChargeAt: state.clock.iso(), lastFailure: null }
          const savedCard = { token: 'pm_forged', cardBrand: 'visa', last4: '4242' }
          const data = { paymentRequestId, reference, amount, card: { cardBrand: 'visa', last4: '4242' } }
          const event = step.complete ? { ...data, charge, failure, subscription, savedCard } : data
          const answer = await deliver(eventJson(step.type, event as never, step.id === 'fresh' ? eventId() : step.id))
          expect(answer.status, answer.text).toBeLessThan(500)
        } else if (step.kind === 'leave' && sessionId) {
          await call('POST', `/v1/checkout/sessions/${sessionId}/cancel`, { body: { reason: 'payer' } })
        } else if (step.kind === 'decline') {
          await call('POST', `/v1/payment-requests/${request.id}/decline`, { token: visitor.token })
        } else if (step.kind === 'revoke') {
          await asOperator('POST', `/v1/operator/payment-requests/${request.id}/revoke`)
        } else if (step.kind === 'hold') {
          await asOperator('POST', `/v1/operator/payment-requests/${request.id}/${step.action}`)
        } else if (step.kind === 'settle') {
          await mockControl('POST', `/payment-requests/${request.id}/settle`, { outcome: step.outcome })
        }

        for (const { id } of cards) {
          const now = (await call<PaymentRequest>('GET', `/v1/payment-requests/${id}`, { token: visitor.token })).body
          const where = `${now.status} card after ${JSON.stringify(step)}: ${JSON.stringify(now.charges)}`
          // Every charge came from an attempt the payer made and approved, at most what they approved.
          let allowed = now.price.amount
          for (const charge of now.charges) {
            const approval = approved.get(charge.reference)
            expect(approval, where).toBeDefined()
            expect(charge.surcharge.amount, where).toBeLessThanOrEqual(approval!.surcharge)
            allowed += approval!.surcharge + approval!.extra
          }
          const charged = now.charges.reduce((sum, c) => sum + c.amount.amount, 0)
          expect(charged, where).toBeLessThanOrEqual(allowed)
          expect(new Set(now.charges.map((c) => c.reference)).size, where).toBe(now.charges.length)
          expect(now.amountPaid.amount, where).toBeLessThanOrEqual(now.price.amount)
          // Splitting never lowers the surcharge: each brand's parts carry the surcharge of their sum.
          for (const cardBrand of new Set(now.charges.map((c) => c.cardBrand))) {
            const parts = now.charges.filter((c) => c.kind === 'balance' && c.cardBrand === cardBrand)
            const surcharges = parts.reduce((sum, c) => sum + c.surcharge.amount, 0)
            const paid = parts.reduce((sum, c) => sum + c.amount.amount, 0) - surcharges
            expect(surcharges, where).toBe(surchargeFor(paid, 'USD', cardBrand === 'amex' ? 300 : 0))
          }
          if (now.status === 'paid') {
            expect(now.amountPaid.amount, where).toBe(now.price.amount)
            const towardsPrice = now.charges.filter((c) => c.kind === 'balance').reduce((sum, c) => sum + c.amount.amount - c.surcharge.amount, 0)
            expect(towardsPrice, where).toBeGreaterThanOrEqual(now.price.amount)
          }
        }
      }
    }),
    { numRuns: 150 },
  )
}, 180_000)
