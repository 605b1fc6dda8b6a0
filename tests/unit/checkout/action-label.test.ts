import { describe, expect, test } from 'vitest'
import { actionLabel, walletLabel } from '../../../src/checkout/action-label'
import { termsLine } from '../../../src/checkout/order-summary'
import { sessionView } from './session-view'

const recurring = sessionView({
  mode: 'subscription',
  item: { ...sessionView().item, price: { amount: 3600, currency: 'USD' }, billing: { type: 'recurring', interval: 'month', intervalCount: 2 } },
})

describe('the main button says what the gateway will do', () => {
  test.each([
    ['a sale', sessionView(), false, 2450, 'Pay $24.50'],
    ['an authorization', sessionView({ transactionType: 'authorize' }), false, 2450, 'Authorize $24.50'],
    ['a saved card', sessionView({ mode: 'setup', transactionType: 'save_card' }), false, 2450, 'Save card'],
    ['a subscription', recurring, false, 3600, 'Subscribe $36.00 every 2 months'],
    ['an extra payment', sessionView({ transactionType: 'authorize' }), true, 1000, 'Pay $10.00'],
    ['an amount not yet valid', sessionView(), false, null, 'Pay'],
  ] as const)('%s: %s', (_, view, extra, total, label) => {
    expect(actionLabel(view, extra, total)).toBe(label)
  })

  test('the wallet button follows the item: one-time or recurring', () => {
    expect(walletLabel(sessionView())).toBe('Pay with Wallet')
    expect(walletLabel(recurring)).toBe('Subscribe with Wallet')
  })
})

describe('termsLine per transaction type', () => {
  test('an authorization says the amount is held now and charged later by the seller', () => {
    expect(termsLine('$24.50', null, 'Acme Coffee', 'authorize')).toBe(
      '$24.50 is held on your card now and charged later by Acme Coffee.',
    )
  })

  test('a saved card says nothing is charged now', () => {
    expect(termsLine('$24.50', null, 'Acme Coffee', 'save_card')).toBe(
      'Nothing is charged now. Acme Coffee saves your card to charge it later.',
    )
  })
})
