import { expect } from 'vitest'
import type {
  CheckoutPayBody,
  CheckoutPayResult,
  CheckoutSessionView,
  PaymentRequest,
  Transaction,
  WalletSignIn,
} from '../../../src/protocol/types'
import { asOperator, call, card, openCheckout, pay, type ShareOptions, startVisitor } from './harness'

/** The simulated gateway's well-known numbers (docs/api.md, "Test cards"). */
export const CARDS = {
  visa: '4242 4242 4242 4242',
  mastercard: '5555 5555 5555 4444',
  amex: '3782 822463 10005',
  jcb: '3566 0020 2036 0505',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
  expiredCard: '4000 0000 0000 0069',
  incorrectCvc: '4000 0000 0000 0127',
  threeDSecure: '4000 0000 0000 3220',
  unknown: '4000 0000 0000 0119',
} as const

/** An amex as the form sends it: its 4-digit CVC, and the surcharge the payer approved when one applies. */
export const amex = (approvedSurcharge?: number, overrides: Partial<CheckoutPayBody> = {}) =>
  card(CARDS.amex, { cvc: '1234', ...(approvedSurcharge === undefined ? {} : { approvedSurcharge }), ...overrides })

export type Visitor = Awaited<ReturnType<typeof startVisitor>>

export const viewOf = (checkoutSessionId: string) => call<CheckoutSessionView>('GET', `/v1/checkout/sessions/${checkoutSessionId}`)

export const cancelCheckout = (checkoutSessionId: string, reason: 'payer' | 'timeout' = 'payer') =>
  call<CheckoutSessionView>('POST', `/v1/checkout/sessions/${checkoutSessionId}/cancel`, { body: { reason } })

export const completeChallenge = (checkoutSessionId: string, challengeId: string, result: 'pass' | 'fail') =>
  call<CheckoutPayResult>('POST', `/v1/checkout/sessions/${checkoutSessionId}/challenges/${challengeId}`, { body: { result } })

export const walletSignIn = (checkoutSessionId: string, body: { email: string; password: string } = { email: 'alex@example.com', password: 'hunter2' }) =>
  call<WalletSignIn>('POST', `/v1/checkout/sessions/${checkoutSessionId}/wallet/sign-in`, { body })

/** The operator console's transaction history of a conversation, oldest first. */
export async function transactionsOf(conversationId: string): Promise<Transaction[]> {
  const answer = await asOperator<{ transactions: Transaction[] }>('GET', `/v1/operator/conversations/${conversationId}/transactions`)
  expect(answer.status, answer.text).toBe(200)
  return answer.body.transactions
}

export const capture = (paymentRequestId: string) => asOperator<PaymentRequest>('POST', `/v1/operator/payment-requests/${paymentRequestId}/capture`)
export const voidHold = (paymentRequestId: string) => asOperator<PaymentRequest>('POST', `/v1/operator/payment-requests/${paymentRequestId}/void`)

export const settle = (paymentRequestId: string, outcome: 'paid' | 'failed') =>
  asOperator<PaymentRequest>('POST', `/v1/mock/payment-requests/${paymentRequestId}/settle`, { outcome })

/** A new visitor with a checkout session open on a fresh card of `pageId`. */
export async function visitorAtCheckout(pageId = 'pp_house_blend', options: ShareOptions = {}, widgetKey = 'wk_demo') {
  const visitor = await startVisitor(widgetKey)
  const { card: shared, link } = await openCheckout(visitor, pageId, options)
  return { visitor, card: shared, sessionId: link.checkoutSessionId, link }
}

/** Pays and expects a 200 answer of `outcome`. */
export async function payExpecting(checkoutSessionId: string, body: CheckoutPayBody, outcome: CheckoutPayResult['outcome']) {
  const answer = await pay(checkoutSessionId, body)
  expect(answer.status, answer.text).toBe(200)
  expect(answer.body.outcome, answer.text).toBe(outcome)
  return answer.body
}
