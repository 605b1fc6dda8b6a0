import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { http, HttpResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { fillCard, GOOD_CARD, payButton, renderCheckout } from './render-checkout'
import { openCheckout, recordBodies, useReferenceServer } from './reference-server'

const { server } = useReferenceServer()

function input(label: string) {
  return screen.getByLabelText<HTMLInputElement>(label)
}

describe('a decline says why in its own words and keeps the card, but not its CVC', () => {
  test.each([
    ['4000 0000 0000 0002', 'Your card was declined. Try another card.'],
    ['4000 0000 0000 9995', 'Your card has insufficient funds. Try another card.'],
    ['4000 0000 0000 0069', 'Your card has expired. Try another card.'],
    ['4000 0000 0000 0127', "Your card's security code is incorrect. Check it and try again."],
  ])('%s: "%s"', async (number, message) => {
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await fillCard({ ...GOOD_CARD, number })
    fireEvent.click(await payButton())

    expect((await screen.findByRole('alert')).textContent).toBe(message)
    expect(input('Name on card').value).toBe('Ada Lovelace')
    expect(input('Card number').value).toBe(number)
    expect(input('Expiry').value).toBe('12/34')
    expect(input('CVC').value).toBe('')
    await waitFor(() => expect(document.activeElement).toBe(input('CVC')))
  })
})

describe('a technical failure', () => {
  test('says not to resubmit with the reference to quote, and offers no retry or cancel', async () => {
    const pays = recordBodies(server, /\/pay$/)
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await fillCard({ ...GOOD_CARD, number: '4000 0000 0000 0119' })
    fireEvent.click(await payButton())

    const heading = await screen.findByRole('heading', { name: /^Do not resubmit/ })
    expect(heading.textContent).toMatch(
      /^Do not resubmit: the payment status is unknown\. Contact us with reference ch_\w+\.$/,
    )
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Close'])
    expect(await pays.all()).toHaveLength(1)
  })
})

describe('card testing', () => {
  test('the fifth decline stops the payment: the page says so, offers no form, and tries nothing more', async () => {
    const pays = recordBodies(server, /\/pay$/)
    const { checkoutSessionId } = await openCheckout()
    const host = renderCheckout(checkoutSessionId)
    for (let attempt = 1; attempt <= 5; attempt++) {
      await fillCard({ ...GOOD_CARD, number: '4000 0000 0000 0002' })
      fireEvent.click(await payButton())
      if (attempt < 5) await waitFor(() => expect(input('CVC').value).toBe(''))
    }

    expect(await screen.findByRole('heading', { name: 'This payment is no longer available.' })).toBeTruthy()
    expect(screen.getByText('Too many declined attempts. Ask the shop in the chat for a new payment link.')).toBeTruthy()
    expect(screen.queryByLabelText('Card number')).toBeNull()
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Close'])
    expect(await pays.all()).toHaveLength(5)
    expect(host.notifyOpener).toHaveBeenCalled()
  })

  test('a page held back by the rate limit says to wait, and keeps the card typed in', async () => {
    server.use(
      http.post('*/v1/checkout/sessions/:id/pay', () =>
        HttpResponse.json({ error: { code: 'rate_limited', message: 'Too many requests from your network address. Try again in 2 seconds.' } }, { status: 429, headers: { 'retry-after': '2' } }),
      ),
    )
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await fillCard(GOOD_CARD)
    fireEvent.click(await payButton())

    // The server's sentence, as for any refusal the page has no words of its own for in English.
    expect((await screen.findByRole('alert')).textContent).toBe('Too many requests from your network address. Try again in 2 seconds.')
    expect(input('Card number').value).toBe(GOOD_CARD.number)
  })
})
