import { describe, expect, test } from 'vitest'
import {
  cancelledMessage,
  screenFor,
  takesExtraPayment,
  unknownStatusMessage,
  viewAfterPayment,
} from '../../../src/checkout/screen'
import type { Charge, CheckoutPayResult, PaymentRequest } from '../../../src/protocol/types'
import { sessionView } from './session-view'

const charge = (amount: number, kind: Charge['kind'] = 'balance'): Charge => ({
  reference: `ch_${amount}_${kind}`,
  kind,
  label: kind === 'extra' ? 'Deposit' : null,
  amount: { amount, currency: 'USD' },
  surcharge: { amount: 0, currency: 'USD' },
  method: 'card',
  cardBrand: 'visa',
  last4: '4242',
  at: '2030-01-01T10:00:00.000Z',
})

function result(request: Partial<PaymentRequest>, outcome: CheckoutPayResult['outcome'] = 'paid'): CheckoutPayResult {
  return {
    outcome,
    message: '',
    charge: null,
    challenge: null,
    paymentRequest: {
      status: 'paid',
      failure: null,
      receipt: null,
      amountPaid: { amount: 0, currency: 'USD' },
      charges: [],
      ...request,
    } as PaymentRequest,
  }
}

describe('screenFor', () => {
  test.each([
    ['paid', 'paid'],
    ['authorized', 'authorized'],
    ['card_saved', 'card_saved'],
    ['unknown', 'unknown'],
    ['voided', 'closed'],
    ['checkout_open', 'form'],
    ['failed', 'form'],
  ] as const)('a request %s shows %s', (status, kind) => {
    expect(screenFor(sessionView({ paymentRequestStatus: status })).kind).toBe(kind)
  })

  test('an unknown outcome names the reference to quote', () => {
    const view = sessionView({
      paymentRequestStatus: 'unknown',
      failure: { code: 'processing_error', message: '…', reference: 'ch_123' },
    })
    expect(screenFor(view)).toEqual({
      kind: 'unknown',
      message: 'Do not resubmit: the payment status is unknown. Contact us with reference ch_123.',
    })
    expect(unknownStatusMessage(undefined)).toBe('Do not resubmit: the payment status is unknown.')
  })
})

describe('takesExtraPayment', () => {
  test('only once paid, with payments left, before the session expires', () => {
    expect(takesExtraPayment(sessionView({ paymentStatus: 'paid', extraPaymentsLeft: 3, status: 'complete' }))).toBe(true)
    expect(takesExtraPayment(sessionView({ paymentStatus: 'paid', extraPaymentsLeft: 0, status: 'complete' }))).toBe(false)
    expect(takesExtraPayment(sessionView({ paymentStatus: 'paid', extraPaymentsLeft: 3, status: 'expired' }))).toBe(false)
    expect(takesExtraPayment(sessionView({ paymentStatus: 'unpaid', extraPaymentsLeft: 3 }))).toBe(false)
  })
})

describe('viewAfterPayment, when the session cannot be read again', () => {
  test('a part paid leaves the rest due and the session open', () => {
    const view = viewAfterPayment(
      sessionView(),
      result({ status: 'checkout_open', amountPaid: { amount: 1000, currency: 'USD' }, charges: [charge(1000)] }),
    )
    expect(view).toMatchObject({
      status: 'open',
      paymentStatus: 'unpaid',
      amountDue: { amount: 1450, currency: 'USD' },
      charges: [charge(1000)],
    })
  })

  test('the bank step of the result is shown', () => {
    const challenge = { id: 'chl_1', cardBrand: 'visa', last4: '3220', amount: { amount: 2450, currency: 'USD' } }
    const answer = { ...result({ status: 'checkout_open' }, 'requires_action'), challenge }
    expect(viewAfterPayment(sessionView(), answer).challenge).toEqual(challenge)
  })

  test('an extra payment uses one of those left; extras are offered only if they were before', () => {
    const paid = sessionView({ paymentStatus: 'paid', status: 'complete', extraPaymentsLeft: 3, charges: [charge(2450)] })
    const after = viewAfterPayment(
      paid,
      result({ amountPaid: { amount: 2450, currency: 'USD' }, charges: [charge(2450), charge(1000, 'extra')] }),
    )
    expect(after.extraPaymentsLeft).toBe(2)
    const first = viewAfterPayment(
      sessionView(),
      result({ amountPaid: { amount: 2450, currency: 'USD' }, charges: [charge(2450)] }),
    )
    expect(first).toMatchObject({ status: 'complete', paymentStatus: 'paid', extraPaymentsLeft: 0 })
  })
})

describe('cancelledMessage', () => {
  test('nothing charged, or what was paid before the cancel', () => {
    expect(cancelledMessage(sessionView())).toBe('Payment cancelled. Nothing was charged. You can close this window.')
    expect(
      cancelledMessage(sessionView({ charges: [charge(1000)], amountPaid: { amount: 1000, currency: 'USD' } })),
    ).toBe('Payment cancelled. You paid $10.00 of $24.50; nothing more was charged. You can close this window.')
  })
})
