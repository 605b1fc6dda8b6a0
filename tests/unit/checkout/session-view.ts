import type { CheckoutSessionView } from '../../../src/protocol/types'

/** A checkout session as the server shows it for the House blend, open and unpaid; `changes` on top. */
export function sessionView(changes: Partial<CheckoutSessionView> = {}): CheckoutSessionView {
  return {
    id: 'cs_test',
    paymentRequestId: 'pr_test',
    mode: 'payment',
    status: 'open',
    paymentStatus: 'unpaid',
    transactionType: 'sale',
    brand: { name: 'Acme Coffee', color: '#7a3e1d' },
    item: {
      title: 'House blend, 1 kg',
      description: '',
      price: { amount: 2450, currency: 'USD' },
      billing: { type: 'one_time' },
    },
    paymentRequestStatus: 'checkout_open',
    failure: null,
    receipt: null,
    amountPaid: { amount: 0, currency: 'USD' },
    amountDue: { amount: 2450, currency: 'USD' },
    charges: [],
    extraPaymentsLeft: 0,
    surcharges: { amex: 300 },
    wallet: true,
    subscription: null,
    challenge: null,
    expiresAt: '2030-01-02T00:00:00.000Z',
    openerOrigin: 'https://shop.example',
    ...changes,
  }
}
