import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { fillCard, GOOD_CARD, payButton, renderCheckout, type } from './render-checkout'
import { openCheckout, recordBodies, useReferenceServer } from './reference-server'

const { server } = useReferenceServer()

async function payThePrice() {
  const { checkoutSessionId } = await openCheckout()
  const host = renderCheckout(checkoutSessionId)
  await fillCard(GOOD_CARD)
  fireEvent.click(await payButton())
  const heading = await screen.findByRole('heading', { name: 'Payment complete' })
  // The outcome takes focus first; the offer is used after that, as a person would.
  await waitFor(() => expect(document.activeElement).toBe(heading))
  return host
}

describe('extra payments once the price is paid', () => {
  test('up to 3 can be added, each its own charge listed under its label', async () => {
    const pays = recordBodies(server, /\/pay$/)
    await payThePrice()
    const extras = [
      ['Deposit', '10', '$10.00'],
      ['Delivery fee', '4.5', '$4.50'],
      ['Gift wrap', '2', '$2.00'],
    ] as const

    for (const [index, [label, amount, shown]] of extras.entries()) {
      fireEvent.click(await screen.findByRole('button', { name: `Add another payment (${3 - index} left)` }))
      await type('What it is for', label)
      await type('Amount', amount)
      await fillCard(GOOD_CARD)
      expect((await payButton()).textContent).toBe(`Pay ${shown}`)
      fireEvent.click(await payButton())
      const charge = (await screen.findByRole('heading', { name: label })).closest('li')!
      expect(charge.textContent).toMatch(new RegExp(`${shown.replace('$', '\\$')}.*Visa •••• 4242.*ch_\\w+`))
      expect(charge.querySelector('time')?.dateTime).toMatch(/^\d{4}-\d\d-\d\dT/)
      // The form closes, and focus goes back to the offer rather than being lost with the form.
      if (index < 2) {
        await waitFor(() => expect(document.activeElement?.textContent).toBe(`Add another payment (${2 - index} left)`))
      }
    }

    expect(screen.queryByRole('button', { name: /Add another payment/ })).toBeNull()
    const list = screen.getByRole('heading', { name: 'Payment complete' }).closest('section')!.querySelector('.charges')!
    expect(within(list as HTMLElement).getAllByRole('heading').map((h) => h.textContent)).toEqual([
      'House blend, 1 kg',
      'Deposit',
      'Delivery fee',
      'Gift wrap',
    ])
    const bodies = (await pays.all()) as Record<string, unknown>[]
    expect(bodies.slice(1).map((body) => body.extra)).toEqual([
      { label: 'Deposit', amount: 1000 },
      { label: 'Delivery fee', amount: 450 },
      { label: 'Gift wrap', amount: 200 },
    ])
    expect(bodies.slice(1).every((body) => !('amount' in body))).toBe(true)
  })

  test('an extra payment needs what it is for and an amount, and can be closed without paying', async () => {
    const pays = recordBodies(server, /\/pay$/)
    await payThePrice()
    fireEvent.click(await screen.findByRole('button', { name: 'Add another payment (3 left)' }))
    await fillCard(GOOD_CARD)
    fireEvent.click(await payButton())

    expect(screen.getByText('Say what this payment is for.')).toBeTruthy()
    expect(screen.getByText('Enter an amount.')).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByLabelText('What it is for'))

    fireEvent.click(screen.getByRole('button', { name: 'Cancel payment' }))
    const offer = await screen.findByRole('button', { name: 'Add another payment (3 left)' })
    await waitFor(() => expect(document.activeElement).toBe(offer))
    expect(screen.getByRole('heading', { name: 'Payment complete' })).toBeTruthy()
    expect(await pays.all()).toHaveLength(1)
  })
})
