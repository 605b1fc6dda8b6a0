import { screen, waitFor, within } from '@testing-library/preact'
import { expect, test } from 'vitest'
import { surchargeFor } from '../../../src/i18n/currency'
import type { SharePaymentRequestBody, Subscription } from '../../../src/protocol/types'
import {
  call,
  GOOD_CARD,
  openConversation,
  payNow,
  payOnCheckout,
  renderConsole,
  shareCard,
  useConsoleServer,
  webVisitorSession,
} from './console-server'

useConsoleServer()

const MASTERCARD = '5555 5555 5555 4444'
const AMEX = '3782 822463 10005'

/** The console open on a visitor's conversation holding a card shared with `share`, and the way to pay it. */
async function cardInConsole(share: SharePaymentRequestBody) {
  const { conversationId, token } = await webVisitorSession('Grace Hopper')
  const request = await shareCard(conversationId, share)
  renderConsole()
  await openConversation('Grace Hopper')
  await screen.findByText('Live')
  const checkoutSessionId = await payNow(request.id, token)
  return { request, checkoutSessionId, card: () => screen.getByRole('article', { name: request.title }) }
}

const charges = (card: HTMLElement) =>
  within(within(card).getByRole('list', { name: 'Charges' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent)

test('a bill split across cards reads "Paid $10.00 of $24.50" with the first charge, then Paid with both listed', async () => {
  const { checkoutSessionId, card } = await cardInConsole({ paymentPageId: 'pp_house_blend' })
  const first = await payOnCheckout(checkoutSessionId, GOOD_CARD, { amount: 1000 })

  await waitFor(() => expect(within(card()).getByText('Paid $10.00 of $24.50')).toBeTruthy())
  expect(within(card()).getByText('Visitor is on the checkout page')).toBeTruthy()
  expect(charges(card())).toEqual([expect.stringContaining(`Payment$10.00Visa •••• 4242 · ref. ${first.charge!.reference}`)])

  const second = await payOnCheckout(checkoutSessionId, MASTERCARD)
  await waitFor(() => expect(within(card()).getByText('Paid $24.50')).toBeTruthy())
  expect(within(card()).queryByText(/ of \$24\.50$/)).toBeNull()
  expect(charges(card())).toEqual([
    expect.stringContaining(`Payment$10.00Visa •••• 4242 · ref. ${first.charge!.reference}`),
    expect.stringContaining(`Payment$14.50Mastercard •••• 4444 · ref. ${second.charge!.reference}`),
  ])
})

test('a surcharged card and an extra payment are listed with their own amounts, label and surcharge', async () => {
  const { checkoutSessionId, card } = await cardInConsole({ paymentPageId: 'pp_house_blend' })
  // Acme Coffee's gateway adds 3 % on American Express; the payer approves the new total.
  const surcharge = surchargeFor(2450, 'USD', 300)
  await payOnCheckout(checkoutSessionId, AMEX, { cvc: '1234', approvedSurcharge: surcharge })
  await payOnCheckout(checkoutSessionId, GOOD_CARD, { extra: { label: 'Deposit', amount: 500 } })

  await waitFor(() => expect(charges(card())).toHaveLength(2))
  expect(charges(card())).toEqual([
    expect.stringMatching(/^Payment\$25\.24incl\. \$0\.74 surcharge · American Express •••• 0005 · ref\. \w+/),
    expect.stringMatching(/^Deposit\$5\.00Visa •••• 4242 · ref\. \w+/),
  ])
  expect(within(card()).getByText('Paid $24.50')).toBeTruthy()
})

test('a card shared to save the card says so, and once done names the saved card and charges nothing', async () => {
  const { checkoutSessionId, card } = await cardInConsole({ paymentPageId: 'pp_house_blend', transactionType: 'save_card' })
  expect(within(card()).getByText('Save card — no charge')).toBeTruthy()
  const result = await payOnCheckout(checkoutSessionId, GOOD_CARD)

  const token = result.paymentRequest.savedCard!.token
  await waitFor(() => expect(within(card()).getByText(`Card saved: Visa •••• 4242 (token ${token})`)).toBeTruthy())
  expect(within(card()).queryByRole('list', { name: 'Charges' })).toBeNull()
  expect(within(card()).queryAllByRole('button')).toEqual([])
})

test('a paid subscription shows its next payment day, and after a failed renewal that it is past due', async () => {
  const { checkoutSessionId, card } = await cardInConsole({ paymentPageId: 'pp_coffee_club' })
  const paid = (await payOnCheckout(checkoutSessionId, GOOD_CARD)).paymentRequest
  const subscription = paid.subscription!
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(subscription.nextChargeAt),
  )
  expect(day).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/)
  await waitFor(() => expect(within(card()).getByText(`Next payment on ${day}`)).toBeTruthy())

  await call<Subscription>('POST', `/v1/mock/subscriptions/${subscription.id}/renewal-outcome`, { outcome: 'declined' })
  await call('POST', '/v1/mock/clock', { advanceMs: Date.parse(subscription.nextChargeAt) - Date.now() + 60_000 })
  await waitFor(() => expect(within(card()).getByText(/^Past due: the last renewal failed/)).toBeTruthy())
})
