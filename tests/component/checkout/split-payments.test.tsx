import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { fillCard, GOOD_CARD, payButton, renderCheckout, type } from './render-checkout'
import { openCheckout, recordBodies, useReferenceServer } from './reference-server'

const { server } = useReferenceServer()

function input(label: string) {
  return screen.getByLabelText<HTMLInputElement>(label)
}

function errorOf(label: string): string | null {
  const id = input(label).getAttribute('aria-describedby')
  return id ? (document.getElementById(id)?.textContent ?? null) : null
}

/** Opens the split control and pays `amount` of the balance with `card`. */
async function payPart(amount: string, card = GOOD_CARD) {
  await fillCard(card)
  fireEvent.click(input('Split across cards'))
  await type('Amount for this card', amount)
  fireEvent.click(await payButton())
}

describe('splitting the price across cards', () => {
  test('the amount for this card starts at what is due and is sent in minor units', async () => {
    const pays = recordBodies(server, /\/pay$/)
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await fillCard(GOOD_CARD)
    expect(screen.queryByLabelText('Amount for this card')).toBeNull()
    fireEvent.click(input('Split across cards'))

    expect(input('Amount for this card').value).toBe('24.50')
    await type('Amount for this card', '10')
    expect((await payButton()).textContent).toBe('Pay $10.00')
    fireEvent.click(await payButton())

    expect(await screen.findByRole('heading', { name: 'Paid so far $10.00 of $24.50' })).toBeTruthy()
    expect(await pays.all()).toEqual([expect.objectContaining({ amount: 1000, number: '4242424242424242' })])
  })

  test('two cards pay the price: the rest goes on the second card and both charges are listed', async () => {
    const pays = recordBodies(server, /\/pay$/)
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await payPart('10')
    await screen.findByRole('heading', { name: 'Paid so far $10.00 of $24.50' })

    // A new card for the rest: the form starts empty and asks for the balance.
    expect(input('Card number').value).toBe('')
    expect((await payButton()).textContent).toBe('Pay $14.50')
    await fillCard({ ...GOOD_CARD, number: '5555 5555 5555 4444' })
    fireEvent.click(await payButton())

    const heading = await screen.findByRole('heading', { name: 'Payment complete' })
    const charges = [...heading.closest('section')!.querySelectorAll('.charges > li')].map((li) => li.textContent!)
    expect(charges).toHaveLength(2)
    expect(charges[0]).toMatch(/\$10\.00.*Visa •••• 4242.*ch_\w+/)
    expect(charges[1]).toMatch(/\$14\.50.*Mastercard •••• 4444.*ch_\w+/)
    const [first, second] = (await pays.all()) as Record<string, unknown>[]
    expect(first).toMatchObject({ amount: 1000 })
    expect(second).not.toHaveProperty('amount')
  })

  test('a decline on the second card keeps the first charge shown and the balance payable', async () => {
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await payPart('10')
    await screen.findByRole('heading', { name: 'Paid so far $10.00 of $24.50' })
    await fillCard({ ...GOOD_CARD, number: '4000 0000 0000 9995' })
    fireEvent.click(await payButton())

    expect((await screen.findByRole('alert')).textContent).toBe('Your card has insufficient funds. Try another card.')
    const paidSoFar = screen.getByRole('heading', { name: 'Paid so far $10.00 of $24.50' }).parentElement!
    expect(paidSoFar.textContent).toContain('Visa •••• 4242')
    expect((await payButton()).textContent).toBe('Pay $14.50')
    expect(input('Card number').value).toBe('4000 0000 0000 9995')
    expect(input('CVC').value).toBe('')

    await fillCard({ number: '4242 4242 4242 4242', cvc: '123' })
    fireEvent.click(await payButton())
    expect(await screen.findByRole('heading', { name: 'Payment complete' })).toBeTruthy()
  })

  test.each([
    ['', 'Enter an amount.'],
    ['0', 'Enter an amount above zero.'],
    ['30', 'That is more than the $24.50 still due.'],
    ['10.005', 'Amounts in USD have at most 2 decimal places.'],
    ['ten', 'Enter the amount as a number, like 12.00.'],
  ])('an amount of "%s" is refused at its field before anything is sent', async (amount, message) => {
    const pays = recordBodies(server, /\/pay$/)
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await payPart(amount)

    expect(errorOf('Amount for this card')).toBe(message)
    expect(document.activeElement).toBe(input('Amount for this card'))
    expect(await pays.all()).toEqual([])
  })

  test('a currency without decimals takes whole amounts only', async () => {
    const pays = recordBodies(server, /\/pay$/)
    const { checkoutSessionId } = await openCheckout('抹茶セット', 'wk_sakura')
    renderCheckout(checkoutSessionId)
    await payPart('12.5')

    expect(errorOf('Amount for this card')).toBe('Amounts in JPY have no decimal places.')
    await type('Amount for this card', '1200')
    fireEvent.click(await payButton())
    expect(await screen.findByRole('heading', { name: 'Paid so far ¥1,200 of ¥3,200' })).toBeTruthy()
    expect(await pays.all()).toEqual([expect.objectContaining({ amount: 1200 })])
  })
})

describe('the limits of a split', () => {
  test('a part under $1.00 that leaves some to pay is refused at its field, and nothing is charged', async () => {
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    await payPart('0.16')

    await waitFor(() => expect(errorOf('Amount for this card')).toBe('Each card but the one paying the rest pays at least $1.00.'))
    expect(screen.queryByRole('heading', { name: /^Paid so far/ })).toBeNull()
  })

  test('after four parts, a fifth card that would not pay the rest is told, at the amount, to pay what is left', async () => {
    const { checkoutSessionId } = await openCheckout()
    renderCheckout(checkoutSessionId)
    for (let part = 1; part <= 4; part++) {
      await payPart('1')
      await screen.findByRole('heading', { name: `Paid so far $${part}.00 of $24.50` })
    }
    await payPart('1')

    await waitFor(() => expect(errorOf('Amount for this card')).toBe('At most 5 cards can pay one price: pay the remaining $20.50 with this card.'))
  })
})
