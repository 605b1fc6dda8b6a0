import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { IDLE_TIMEOUT_MS } from '../../../src/checkout/idle-timeout'
import { fillCard, GOOD_CARD, payButton, renderCheckout, type } from './render-checkout'
import { behindThePage, openCheckout, recordBodies, SHOP_ORIGIN, useReferenceServer } from './reference-server'

const { server } = useReferenceServer()

const CANCELLED = 'Payment cancelled. Nothing was charged. You can close this window.'
const TIMED_OUT =
  'This page timed out and nothing more was charged. Go back to the chat and press Pay now to start again.'

/** The page with its form up and its idle timer set. */
async function openPage() {
  const opened = await openCheckout()
  const host = renderCheckout(opened.checkoutSessionId)
  await payButton()
  await waitFor(() => expect(host.timersPending()).toBe(1))
  return { opened, host }
}

describe('Cancel payment', () => {
  test('on the form cancels the checkout: nothing charged, and Pay now works again in the chat', async () => {
    const cancels = recordBodies(server, /\/cancel$/)
    const { opened, host } = await openPage()
    await fillCard(GOOD_CARD)
    fireEvent.click(screen.getByRole('button', { name: 'Cancel payment' }))

    const heading = await screen.findByRole('heading', { name: CANCELLED })
    await waitFor(() => expect(document.activeElement).toBe(heading))
    expect(screen.queryByLabelText('Card number')).toBeNull()
    expect(await cancels.all()).toEqual([{ reason: 'payer' }])
    expect((await behindThePage.paymentRequest(opened)).status).toBe('pending')
    expect(host.notifyOpener).toHaveBeenCalledWith(opened.paymentRequestId, SHOP_ORIGIN)
  })

  test('after part was paid says what was paid', async () => {
    const { opened } = await openPage()
    await fillCard(GOOD_CARD)
    fireEvent.click(screen.getByLabelText('Split across cards'))
    await type('Amount for this card', '10')
    fireEvent.click(await payButton())
    await screen.findByRole('heading', { name: 'Paid so far $10.00 of $24.50' })
    fireEvent.click(screen.getByRole('button', { name: 'Cancel payment' }))

    expect(
      await screen.findByRole('heading', {
        name: 'Payment cancelled. You paid $10.00 of $24.50; nothing more was charged. You can close this window.',
      }),
    ).toBeTruthy()
    // The order summary keeps listing what was paid, with its reference.
    const summary = screen.getByRole('region', { name: 'House blend, 1 kg' }).textContent!
    expect(summary).toContain('Paid so far $10.00 of $24.50')
    expect(summary).toMatch(/Visa\s*•••• 4242/)
    expect((await behindThePage.paymentRequest(opened)).charges).toHaveLength(1)
  })
})

describe('an abandoned page times out', () => {
  test(`after ${IDLE_TIMEOUT_MS / 60_000} minutes without input it cancels the checkout and says so`, async () => {
    const cancels = recordBodies(server, /\/cancel$/)
    const { opened, host } = await openPage()

    host.advanceTimers(IDLE_TIMEOUT_MS - 1)
    expect(await cancels.all()).toEqual([])
    host.advanceTimers(1)

    expect(await screen.findByRole('heading', { name: TIMED_OUT })).toBeTruthy()
    expect(screen.queryByLabelText('Card number')).toBeNull()
    expect(await cancels.all()).toEqual([{ reason: 'timeout' }])
    expect((await behindThePage.paymentRequest(opened)).status).toBe('pending')
  })

  test('any input starts the wait again', async () => {
    const cancels = recordBodies(server, /\/cancel$/)
    const { host } = await openPage()

    host.advanceTimers(10 * 60_000)
    await fillCard({ name: 'Ada' })
    host.advanceTimers(10 * 60_000)
    expect(await cancels.all()).toEqual([])
    expect(screen.getByLabelText('Card number')).toBeTruthy()

    host.advanceTimers(5 * 60_000)
    expect(await screen.findByRole('heading', { name: TIMED_OUT })).toBeTruthy()
  })

  test('a paid page does not time out', async () => {
    const cancels = recordBodies(server, /\/cancel$/)
    const { host } = await openPage()
    await fillCard(GOOD_CARD)
    fireEvent.click(await payButton())
    await screen.findByRole('heading', { name: 'Payment complete' })

    await waitFor(() => expect(host.timersPending()).toBe(0))
    host.advanceTimers(2 * IDLE_TIMEOUT_MS)
    expect(await cancels.all()).toEqual([])
  })
})
