import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { delay, http } from 'msw'
import { describe, expect, test } from 'vitest'
import { fillCard, GOOD_CARD, payButton, renderCheckout } from './render-checkout'
import { openCheckout, useReferenceServer } from './reference-server'

const { server } = useReferenceServer()

/** Counts the payment calls that reach the server. */
function countPayCalls() {
  const calls: string[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && request.url.endsWith('/pay')) calls.push(request.url)
  })
  return calls
}

function field(label: string) {
  return screen.getByLabelText<HTMLInputElement>(label)
}

function errorOf(label: string): string | null {
  const id = field(label).getAttribute('aria-describedby')
  return id ? (document.getElementById(id)?.textContent ?? null) : null
}

describe('the checkout summary', () => {
  test('shows the brand, the item, the amount and a Pay button with that amount', async () => {
    const { checkoutSessionId } = await openCheckout('House blend, 1 kg')
    renderCheckout(checkoutSessionId)

    expect(await screen.findByRole('heading', { name: 'House blend, 1 kg' })).toBeTruthy()
    expect(screen.getByText('Acme Coffee')).toBeTruthy()
    expect(screen.getByText('Whole beans, medium roast, roasted to order.')).toBeTruthy()
    expect(screen.getByText('$24.50')).toBeTruthy()
    expect(screen.getByText('A one-time payment of $24.50 to Acme Coffee.')).toBeTruthy()
    expect(await payButton()).toHaveProperty('textContent', 'Pay $24.50')
  })

  test('a subscription shows its recurrence, that it renews until cancelled, and a Subscribe button', async () => {
    const { checkoutSessionId } = await openCheckout('Coffee club subscription')
    renderCheckout(checkoutSessionId)

    expect(await screen.findByText('every 2 months')).toBeTruthy()
    expect(screen.getByText(/renews automatically until you cancel/)).toBeTruthy()
    expect((await payButton()).textContent).toBe('Subscribe $36.00 every 2 months')
  })

  test('the detected card brand is shown as the number is typed, grouped in fours', async () => {
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await payButton()

    await fillCard({ number: '4242424242424242' })
    expect(field('Card number').value).toBe('4242 4242 4242 4242')
    expect(screen.getByText('Visa')).toBeTruthy()
  })
})

describe('field errors before anything is sent', () => {
  test('a number failing the Luhn check, a past expiry and a short CVC are each shown at their field', async () => {
    const calls = countPayCalls()
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId, () => new Date(2030, 5, 15))
    await fillCard({ ...GOOD_CARD, number: '4242 4242 4242 4241', expiry: '05/30', cvc: '12' })
    fireEvent.click(await payButton())

    expect(errorOf('Card number')).toBe('Your card number is invalid. Check the digits.')
    expect(errorOf('Expiry')).toBe('Your card has expired.')
    expect(errorOf('CVC')).toBe('The CVC is 3 digits.')
    expect(errorOf('Name on card')).toBeNull()
    for (const label of ['Card number', 'Expiry', 'CVC']) expect(field(label).getAttribute('aria-invalid')).toBe('true')
    expect(field('Name on card').getAttribute('aria-invalid')).toBeNull()
    expect(document.activeElement).toBe(field('Card number'))
    expect(calls).toEqual([])
  })

  test('an empty form puts focus on the first field and names what is missing', async () => {
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    fireEvent.click(await payButton())

    expect(document.activeElement).toBe(field('Name on card'))
    expect(errorOf('Name on card')).toBe('Enter the name on your card.')
    expect(errorOf('CVC')).toBe('Enter the CVC.')
  })

  test('an error goes away as soon as the field is corrected', async () => {
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await fillCard({ ...GOOD_CARD, cvc: '1' })
    fireEvent.click(await payButton())
    expect(errorOf('CVC')).toBe('The CVC is 3 digits.')

    await fillCard({ cvc: '123' })
    expect(errorOf('CVC')).toBeNull()
    expect(field('CVC').getAttribute('aria-invalid')).toBeNull()
  })
})

describe('the server is the authority', () => {
  test('a 400 naming a field is shown at that field and focuses it', async () => {
    // The visitor's clock is two years behind the server's: only the server sees last year's card as expired.
    const thisYear = new Date().getFullYear()
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId, () => new Date(thisYear - 2, 0, 1))
    await fillCard({ ...GOOD_CARD, expiry: `12/${String(thisYear - 1).slice(2)}` })
    fireEvent.click(await payButton())

    await waitFor(() => expect(errorOf('Expiry')).toBe('Your card has expired.'))
    expect(field('Expiry').getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(field('Expiry'))
    expect(field('Card number').value).toBe('4242 4242 4242 4242')
    expect((await payButton()).disabled).toBe(false)
  })

  test('the Pay button is disabled while the payment is in flight, so a second press charges nothing', async () => {
    const calls = countPayCalls()
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    // Holds the payment call, then lets the reference handler answer it (a resolver returning nothing falls through).
    server.use(http.post('*/v1/checkout/sessions/:id/pay', async () => void (await held)))
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await fillCard(GOOD_CARD)
    const button = await payButton()
    fireEvent.click(button)

    await waitFor(() => expect(button.disabled).toBe(true))
    expect(screen.getByRole('status').textContent).toBe('Processing your payment…')
    fireEvent.click(button)
    fireEvent.submit(button.form!)
    release()
    await delay(0)

    expect(await screen.findByRole('heading', { name: 'Payment complete' })).toBeTruthy()
    expect(calls).toHaveLength(1)
  })
})
