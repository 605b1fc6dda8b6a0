import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { fillCard, GOOD_CARD, payButton, renderCheckout } from './render-checkout'
import { behindThePage, openCheckout, SHOP_ORIGIN, useReferenceServer } from './reference-server'

useReferenceServer()

/** The technical-failure sentence, with the attempt's processor reference for support. */
const UNKNOWN_WITH_REFERENCE = /^Do not resubmit: the payment status is unknown\. Contact us with reference ch_\w+\.$/

function input(label: string) {
  return screen.getByLabelText<HTMLInputElement>(label)
}

async function payWith(number: string) {
  await fillCard({ ...GOOD_CARD, number })
  fireEvent.click(await payButton())
}

describe('after paying', () => {
  test('a paid card shows a receipt with the amount, the brand and last 4, a reference and the time', async () => {
    const { checkoutSessionId, paymentRequestId } = await openCheckout()
    const host = renderCheckout(checkoutSessionId)
    await payWith('4242 4242 4242 4242')

    const heading = await screen.findByRole('heading', { name: 'Payment complete' })
    await waitFor(() => expect(document.activeElement).toBe(heading))
    const section = heading.closest('section')!
    const receipt = section.textContent!
    expect(receipt).toContain('$24.50')
    expect(receipt).toContain('Visa •••• 4242')
    expect(receipt).toMatch(/Reference\s*ch_\w+/)
    expect(section.querySelector('time')?.dateTime).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(document.body.textContent).not.toContain('4242 4242')
    expect(screen.queryByLabelText('Card number')).toBeNull()
    expect(host.notifyOpener).toHaveBeenCalledWith(paymentRequestId, SHOP_ORIGIN)

    fireEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(host.close).toHaveBeenCalledOnce()
  })

  test('a declined card says why, keeps the card filled in except the CVC, and a retry can pay', async () => {
    const { checkoutSessionId, paymentRequestId } = await openCheckout()
    const host = renderCheckout(checkoutSessionId)
    await payWith('4000 0000 0000 0002')

    expect((await screen.findByRole('alert')).textContent).toBe('Your card was declined. Try another card.')
    expect(input('Name on card').value).toBe('Ada Lovelace')
    expect(input('Card number').value).toBe('4000 0000 0000 0002')
    expect(input('Expiry').value).toBe('12/34')
    expect(input('CVC').value).toBe('')
    expect(document.activeElement).toBe(input('CVC'))
    expect((await payButton()).disabled).toBe(false)
    expect(host.notifyOpener).toHaveBeenCalledWith(paymentRequestId, SHOP_ORIGIN)

    await fillCard({ number: '4242 4242 4242 4242', cvc: '321' })
    fireEvent.click(await payButton())
    expect(await screen.findByRole('heading', { name: 'Payment complete' })).toBeTruthy()
    expect(host.notifyOpener).toHaveBeenCalledTimes(2)
  })

  test('a processing error says not to resubmit, names the reference, and offers no way to pay again', async () => {
    const { checkoutSessionId, paymentRequestId } = await openCheckout()
    const host = renderCheckout(checkoutSessionId)
    await payWith('4000 0000 0000 0119')

    expect(await screen.findByRole('heading', { name: UNKNOWN_WITH_REFERENCE })).toBeTruthy()
    expect(screen.queryByLabelText('Card number')).toBeNull()
    expect(screen.queryByRole('button', { name: /^Pay / })).toBeNull()
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Close'])
    expect(host.notifyOpener).toHaveBeenCalledWith(paymentRequestId, SHOP_ORIGIN)
  })

  test('a card revoked while the page is open is refused, and the page says it is no longer available', async () => {
    const { checkoutSessionId, paymentRequestId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await payButton()
    await behindThePage.revoke(paymentRequestId)
    await payWith('4242 4242 4242 4242')

    expect(await screen.findByRole('heading', { name: 'This payment is no longer available.' })).toBeTruthy()
    expect(screen.getByText('The seller withdrew this payment request.')).toBeTruthy()
    expect(screen.queryByLabelText('Card number')).toBeNull()
  })
})

describe('opening a checkout that cannot take a payment shows its state and no form', () => {
  test('already paid: the receipt', async () => {
    const { checkoutSessionId } = await openCheckout()
    await behindThePage.pay(checkoutSessionId, '4242424242424242')
    renderCheckout(checkoutSessionId)

    expect(await screen.findByRole('heading', { name: 'Payment complete' })).toBeTruthy()
    expect(screen.getByText('•••• 4242')).toBeTruthy()
    expect(screen.queryByLabelText('Card number')).toBeNull()
  })

  test('status unknown: do not resubmit', async () => {
    const { checkoutSessionId } = await openCheckout()
    await behindThePage.pay(checkoutSessionId, '4000000000000119')
    renderCheckout(checkoutSessionId)

    expect(await screen.findByRole('heading', { name: UNKNOWN_WITH_REFERENCE })).toBeTruthy()
    expect(screen.queryByLabelText('Card number')).toBeNull()
  })

  test('revoked by the operator', async () => {
    const { checkoutSessionId, paymentRequestId } = await openCheckout()
    await behindThePage.revoke(paymentRequestId)
    renderCheckout(checkoutSessionId)

    expect(await screen.findByText('The seller withdrew this payment request.')).toBeTruthy()
    expect(screen.queryByLabelText('Card number')).toBeNull()
  })

  test('the checkout session ran out of time', async () => {
    const { checkoutSessionId } = await openCheckout('House blend, 1 kg', 'wk_demo', { checkoutMinutes: 30 })
    await behindThePage.advanceClock(31 * 60_000)
    renderCheckout(checkoutSessionId)

    expect(await screen.findByRole('heading', { name: 'This checkout link has expired.' })).toBeTruthy()
    expect(screen.queryByLabelText('Card number')).toBeNull()
  })

  test('the payment request itself expired', async () => {
    const { checkoutSessionId } = await openCheckout()
    await behindThePage.advanceClock(25 * 3_600_000)
    renderCheckout(checkoutSessionId)

    expect(await screen.findByRole('heading', { name: 'This payment request has expired.' })).toBeTruthy()
  })

  test('an id the server does not know', async () => {
    renderCheckout('cs_nothing_here')
    expect(await screen.findByText('This checkout link is not valid.')).toBeTruthy()
  })

  test('a link without an id', async () => {
    renderCheckout(null)
    await waitFor(() => expect(screen.getByText('This checkout link is incomplete.')).toBeTruthy())
  })
})
