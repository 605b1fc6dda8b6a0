import { fireEvent, render, screen } from '@testing-library/preact'
import { vi } from 'vitest'
import { createCheckoutApi } from '../../../src/checkout/checkout-api'
import { CheckoutPage } from '../../../src/checkout/checkout-page'
import type { CheckoutHost } from '../../../src/checkout/host'
import { API } from './reference-server'

/** The checkout page against the reference server, with a host whose close and opener hint are spies. */
export function renderCheckout(checkoutSessionId: string | null, now = () => new Date()) {
  const host = { notifyOpener: vi.fn(), close: vi.fn(), now } satisfies CheckoutHost
  render(<CheckoutPage sessionId={checkoutSessionId} api={createCheckoutApi(API)} host={host} />)
  return host
}

export interface Card {
  name?: string
  number?: string
  expiry?: string
  cvc?: string
}

export const GOOD_CARD = { name: 'Ada Lovelace', number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' }

/** Waits for the form, then types into each field given as the browser's input event would deliver it. */
export async function fillCard(card: Card) {
  await screen.findByLabelText('Name on card')
  const fields: [string, string | undefined][] = [
    ['Name on card', card.name],
    ['Card number', card.number],
    ['Expiry', card.expiry],
    ['CVC', card.cvc],
  ]
  for (const [label, value] of fields) {
    if (value !== undefined) fireEvent.input(screen.getByLabelText(label), { target: { value } })
  }
}

export async function payButton(): Promise<HTMLButtonElement> {
  return screen.findByRole<HTMLButtonElement>('button', { name: /^Pay / })
}
