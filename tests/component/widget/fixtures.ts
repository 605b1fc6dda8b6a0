import type { PaymentRequest } from '../../../src/protocol/types'

const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, second)).toISOString()

/** A payment request as the server sends it; one-time, $24.50 unless overridden. */
export function paymentRequest(over: Partial<PaymentRequest> = {}): PaymentRequest {
  return {
    id: 'pr_1',
    conversationId: 'conv_1',
    paymentPageId: 'pp_house_blend',
    title: 'House blend, 1 kg',
    description: 'Whole beans, medium roast.',
    price: { amount: 2450, currency: 'USD' },
    billing: { type: 'one_time' },
    status: 'pending',
    failure: null,
    receipt: null,
    createdAt: at(0),
    updatedAt: at(1),
    version: 2,
    expiresAt: at(59),
    ...over,
  }
}
