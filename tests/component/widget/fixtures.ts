import type { Charge, PaymentRequest } from '../../../src/protocol/types'

const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, second)).toISOString()

/** A payment request as the server sends it; a one-time $24.50 sale, nothing paid yet, unless overridden. */
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
    transactionType: 'sale',
    amountPaid: { amount: 0, currency: over.price?.currency ?? 'USD' },
    charges: [],
    subscription: null,
    savedCard: null,
    ...over,
  }
}

/** An approved charge of `amount` cents (USD) on a card; a `balance` part unless overridden. */
export function charge(amount: number, over: Partial<Charge> = {}): Charge {
  return {
    reference: `ch_${amount}`,
    kind: 'balance',
    label: null,
    amount: { amount, currency: 'USD' },
    surcharge: { amount: 0, currency: 'USD' },
    method: 'card',
    cardBrand: 'visa',
    last4: '4242',
    at: at(30),
    ...over,
  }
}
