import { fireEvent, screen } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { fillCard, GOOD_CARD, payButton, renderCheckout, type } from './render-checkout'
import { openCheckout, recordBodies, useReferenceServer } from './reference-server'

const { server } = useReferenceServer()

const AMEX = { ...GOOD_CARD, number: '3782 822463 10005', cvc: '1234' }

describe('a card brand with a surcharge (Acme Coffee: 3 % on American Express)', () => {
  test('shows the surcharge and new total, and Pay waits until the payer approves it', async () => {
    const pays = recordBodies(server, /\/pay$/)
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await fillCard(AMEX)

    expect(screen.getByText('American Express cards carry a 3% surcharge of $0.74. New total: $25.24.')).toBeTruthy()
    const pay = await payButton()
    expect(pay.textContent).toBe('Pay $25.24')
    expect(pay.disabled).toBe(true)
    fireEvent.click(pay)
    fireEvent.submit(pay.form!)

    fireEvent.click(screen.getByLabelText('Approve new total'))
    expect(pay.disabled).toBe(false)
    fireEvent.click(pay)

    const heading = await screen.findByRole('heading', { name: 'Payment complete' })
    const receipt = heading.closest('section')!.textContent!
    expect(receipt).toMatch(/Amount\s*\$25\.24/)
    expect(receipt).toMatch(/Surcharge\s*\$0\.74/)
    expect(await pays.all()).toEqual([expect.objectContaining({ approvedSurcharge: 74 })])
  })

  test('a second Amex part is quoted what the running total owes, so splitting never lowers the surcharge', async () => {
    const pays = recordBodies(server, /\/pay$/)
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    for (const [fee, total, paid] of [['$0.03', '$1.19', '$1.16'], ['$0.04', '$1.20', '$2.32']]) {
      await fillCard(AMEX)
      fireEvent.click(screen.getByLabelText('Split across cards'))
      await type('Amount for this card', '1.16')
      // $1.16 alone carries 3.48 cents, so $0.03; the two parts together $2.32, 6.96 cents: $0.07 in all.
      expect(screen.getByText(`American Express cards carry a 3% surcharge of ${fee}. New total: ${total}.`)).toBeTruthy()
      fireEvent.click(screen.getByLabelText('Approve new total'))
      fireEvent.click(await payButton())
      await screen.findByRole('heading', { name: `Paid so far ${paid} of $24.50` })
    }
    expect((await pays.all()).map((body) => (body as { approvedSurcharge: number }).approvedSurcharge)).toEqual([3, 4])
  })

  test('a card without a surcharge asks for nothing and sends none', async () => {
    const pays = recordBodies(server, /\/pay$/)
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await fillCard(GOOD_CARD)

    expect(screen.queryByText(/surcharge/)).toBeNull()
    expect(screen.queryByLabelText('Approve new total')).toBeNull()
    fireEvent.click(await payButton())
    await screen.findByRole('heading', { name: 'Payment complete' })
    expect((await pays.all())[0]).not.toHaveProperty('approvedSurcharge')
  })

  test('the surcharge follows the amount paid with this card, and a new amount needs a new approval', async () => {
    const pays = recordBodies(server, /\/pay$/)
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await fillCard(AMEX)
    fireEvent.click(screen.getByLabelText('Split across cards'))
    await type('Amount for this card', '10')

    expect(screen.getByText('American Express cards carry a 3% surcharge of $0.30. New total: $10.30.')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('Approve new total'))
    expect((await payButton()).disabled).toBe(false)
    await type('Amount for this card', '20')
    expect(screen.getByText('American Express cards carry a 3% surcharge of $0.60. New total: $20.60.')).toBeTruthy()
    expect((await payButton()).disabled).toBe(true)

    fireEvent.click(screen.getByLabelText('Approve new total'))
    fireEvent.click(await payButton())
    await screen.findByRole('heading', { name: 'Paid so far $20.00 of $24.50' })
    expect(await pays.all()).toEqual([expect.objectContaining({ amount: 2000, approvedSurcharge: 60 })])
  })

  test('switching to a card without a surcharge drops the approval step', async () => {
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await fillCard(AMEX)
    expect((await payButton()).disabled).toBe(true)

    await fillCard({ number: '4242 4242 4242 4242', cvc: '123' })
    expect(screen.queryByLabelText('Approve new total')).toBeNull()
    expect((await payButton()).textContent).toBe('Pay $24.50')
    expect((await payButton()).disabled).toBe(false)
  })
})
