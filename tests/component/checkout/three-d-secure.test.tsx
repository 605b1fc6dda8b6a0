import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { fillCard, GOOD_CARD, payButton, renderCheckout } from './render-checkout'
import { behindThePage, openCheckout, recordBodies, SHOP_ORIGIN, useReferenceServer } from './reference-server'

const { server } = useReferenceServer()

const CHALLENGE_CARD = '4000 0000 0000 3220'
const BANK_STEP = 'Your bank wants to confirm this payment'

async function payIntoBankStep() {
  const opened = await openCheckout()
  const host = renderCheckout(opened.checkoutSessionId)
  await fillCard({ ...GOOD_CARD, number: CHALLENGE_CARD })
  fireEvent.click(await payButton())
  const heading = await screen.findByRole('heading', { name: BANK_STEP })
  return { opened, host, heading }
}

describe('the bank asks for an extra step (3-D Secure)', () => {
  test('the step shows the card and the amount, and takes focus in place of the form', async () => {
    const { heading } = await payIntoBankStep()

    const step = heading.closest('section')!.textContent!
    expect(step).toContain('Visa •••• 3220')
    expect(step).toContain('$24.50')
    await waitFor(() => expect(document.activeElement).toBe(heading))
    expect(screen.queryByRole('button', { name: /^Pay / })).toBeNull()
  })

  test('Confirm passes it and the payment completes', async () => {
    const answers = recordBodies(server, /\/challenges\/[^/]+$/)
    const { opened, host } = await payIntoBankStep()
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }))

    const heading = await screen.findByRole('heading', { name: 'Payment complete' })
    expect(heading.closest('section')!.textContent).toContain('Visa •••• 3220')
    expect(screen.queryByRole('heading', { name: BANK_STEP })).toBeNull()
    expect(await answers.all()).toEqual([{ result: 'pass' }])
    expect((await behindThePage.paymentRequest(opened)).status).toBe('paid')
    expect(host.notifyOpener).toHaveBeenCalledWith(opened.paymentRequestId, SHOP_ORIGIN)
  })

  test('Fail authentication declines: the form is back with the card typed in, the CVC empty and focused', async () => {
    const answers = recordBodies(server, /\/challenges\/[^/]+$/)
    await payIntoBankStep()
    fireEvent.click(screen.getByRole('button', { name: 'Fail authentication' }))

    expect((await screen.findByRole('alert')).textContent).not.toBe('')
    expect(screen.queryByRole('heading', { name: BANK_STEP })).toBeNull()
    expect(screen.getByLabelText<HTMLInputElement>('Card number').value).toBe(CHALLENGE_CARD)
    expect(screen.getByLabelText<HTMLInputElement>('Name on card').value).toBe('Ada Lovelace')
    expect(screen.getByLabelText<HTMLInputElement>('CVC').value).toBe('')
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('CVC')))
    expect(await answers.all()).toEqual([{ result: 'fail' }])

    await fillCard({ number: '4242 4242 4242 4242', cvc: '123' })
    fireEvent.click(await payButton())
    expect(await screen.findByRole('heading', { name: 'Payment complete' })).toBeTruthy()
  })

  test('the step can be cancelled: nothing is charged', async () => {
    const cancels = recordBodies(server, /\/cancel$/)
    const { opened } = await payIntoBankStep()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel payment' }))

    expect(
      await screen.findByRole('heading', { name: 'Payment cancelled. Nothing was charged. You can close this window.' }),
    ).toBeTruthy()
    expect(await cancels.all()).toEqual([{ reason: 'payer' }])
    expect((await behindThePage.paymentRequest(opened)).charges).toEqual([])
  })
})
