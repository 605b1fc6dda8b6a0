import { fireEvent, screen } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { fillCard, GOOD_CARD, payButton, renderCheckout } from './render-checkout'
import { behindThePage, openCheckout, useReferenceServer } from './reference-server'

useReferenceServer()

function outcomeOf(heading: HTMLElement): string {
  return heading.closest('section')!.textContent!
}

describe('the page says what kind of transaction it is, and ends in that kind of outcome', () => {
  test('a sale is a one-time payment with a Pay button', async () => {
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)

    expect((await payButton()).textContent).toBe('Pay $24.50')
    expect(screen.getByText('A one-time payment of $24.50 to Acme Coffee.')).toBeTruthy()
  })

  test('an authorization holds the amount now, says the seller charges it later, and ends authorized', async () => {
    const opened = await openCheckout('House blend, 1 kg', 'wk_demo', { transactionType: 'authorize' })
    renderCheckout(opened.checkoutSessionId)

    expect((await payButton()).textContent).toBe('Authorize $24.50')
    expect(screen.getByText('$24.50 is held on your card now and charged later by Acme Coffee.')).toBeTruthy()
    await fillCard(GOOD_CARD)
    fireEvent.click(await payButton())

    const heading = await screen.findByRole('heading', { name: 'Payment authorized' })
    expect(outcomeOf(heading)).toContain('$24.50 is held on your card. Acme Coffee charges it later.')
    expect(outcomeOf(heading)).toContain('Visa •••• 4242')
    expect(outcomeOf(heading)).toMatch(/Reference\s*ch_\w+/)
    expect((await behindThePage.paymentRequest(opened)).status).toBe('authorized')
  })

  test('a hold on a surcharged card says the new total is held, and a hold is never "paid so far"', async () => {
    const opened = await openCheckout('House blend, 1 kg', 'wk_demo', { transactionType: 'authorize' })
    renderCheckout(opened.checkoutSessionId)
    await fillCard({ ...GOOD_CARD, number: '3782 822463 10005', cvc: '1234' })
    fireEvent.click(screen.getByLabelText('Approve new total'))
    fireEvent.click(await payButton())

    const heading = await screen.findByRole('heading', { name: 'Payment authorized' })
    expect(outcomeOf(heading)).toContain('$25.24 is held on your card. Acme Coffee charges it later.')
    expect(screen.queryByText(/Paid so far/)).toBeNull()
  })

  test('saving a card charges nothing: Save card, "Nothing is charged now", and the saved card at the end', async () => {
    const opened = await openCheckout('House blend, 1 kg', 'wk_demo', { transactionType: 'save_card' })
    renderCheckout(opened.checkoutSessionId)

    expect((await payButton()).textContent).toBe('Save card')
    expect(screen.getByText(/^Nothing is charged now\./)).toBeTruthy()
    expect(screen.queryByLabelText('Split across cards')).toBeNull()
    await fillCard(GOOD_CARD)
    fireEvent.click(await payButton())

    const heading = await screen.findByRole('heading', { name: 'Card saved' })
    expect(outcomeOf(heading)).toContain('Nothing was charged.')
    expect(outcomeOf(heading)).toContain('Visa •••• 4242')
    expect(outcomeOf(heading)).not.toContain('$24.50')
    const request = await behindThePage.paymentRequest(opened)
    expect(request.status).toBe('card_saved')
    expect(request.savedCard).toMatchObject({ cardBrand: 'visa', last4: '4242' })
  })

  test('a subscription keeps its recurrence, subscribes, and says when it renews', async () => {
    const opened = await openCheckout('Coffee club subscription')
    renderCheckout(opened.checkoutSessionId)

    expect((await payButton()).textContent).toBe('Subscribe $36.00 every 2 months')
    expect(screen.getByText('every 2 months')).toBeTruthy()
    await fillCard(GOOD_CARD)
    fireEvent.click(await payButton())

    const heading = await screen.findByRole('heading', { name: 'Payment complete' })
    expect(outcomeOf(heading)).toMatch(/Renews every 2 months\. Next charge: \w{3} \d{1,2}, \d{4}\./)
  })
})
