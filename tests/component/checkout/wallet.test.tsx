import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { formatAddress } from '../../../src/checkout/address'
import type { WalletSignIn } from '../../../src/protocol/types'
import { payButton, renderCheckout, type } from './render-checkout'
import { behindThePage, openCheckout, recordAnswers, recordBodies, useReferenceServer } from './reference-server'

const { server } = useReferenceServer()

/** Pay with Wallet, then signs in; resolves to what the wallet answered. */
async function signIn(button = 'Pay with Wallet'): Promise<WalletSignIn> {
  const answers = recordAnswers<WalletSignIn>(server, /\/wallet\/sign-in$/)
  fireEvent.click(await screen.findByRole('button', { name: button }))
  await type('Email', 'ada@example.com')
  await type('Password', 'correct horse')
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
  await screen.findByRole('region', { name: 'Wallet' })
  const [account] = await answers.all()
  return account!
}

describe('Pay with Wallet', () => {
  test('after sign-in the page shows the name, the address and the stored card, and pays with the wallet', async () => {
    const signIns = recordBodies(server, /\/wallet\/sign-in$/)
    const pays = recordBodies(server, /\/pay$/)
    const opened = await openCheckout()
    renderCheckout(opened.checkoutSessionId)
    await payButton()
    const account = await signIn()

    const wallet = screen.getByRole('region', { name: 'Wallet' }).textContent!
    expect(wallet).toContain(account.name)
    expect(wallet).toContain(formatAddress(account.shippingAddress))
    expect(wallet).toContain(`•••• ${account.card.last4}`)
    expect(await signIns.all()).toEqual([{ email: 'ada@example.com', password: 'correct horse' }])
    fireEvent.click(await payButton())

    const heading = await screen.findByRole('heading', { name: 'Payment complete' })
    expect(heading.closest('section')!.textContent).toContain(`•••• ${account.card.last4}`)
    expect(await pays.all()).toEqual([
      { walletToken: account.walletToken, shippingAddress: account.shippingAddress },
    ])
    expect((await behindThePage.paymentRequest(opened)).charges[0]?.method).toBe('wallet')
  })

  test('once chosen the wallet is the only way to pay: no card fields and no way back but Cancel', async () => {
    const opened = await openCheckout()
    renderCheckout(opened.checkoutSessionId)
    fireEvent.click(await screen.findByRole('button', { name: 'Pay with Wallet' }))

    expect(screen.queryByLabelText('Card number')).toBeNull()
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Sign in', 'Cancel payment'])
    await type('Email', 'ada@example.com')
    await type('Password', 'correct horse')
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    await screen.findByRole('region', { name: 'Wallet' })

    expect(screen.queryByLabelText('Card number')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Pay with Wallet' })).toBeNull()
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Change address',
      'Pay $24.50',
      'Cancel payment',
    ])
  })

  test('an empty password is refused and the sign-in stays up', async () => {
    const opened = await openCheckout()
    renderCheckout(opened.checkoutSessionId)
    fireEvent.click(await screen.findByRole('button', { name: 'Pay with Wallet' }))
    await type('Email', 'ada@example.com')
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    expect((await screen.findByRole('alert')).textContent).not.toBe('')
    expect(screen.getByLabelText('Email')).toBeTruthy()
    expect(screen.queryByRole('region', { name: 'Wallet' })).toBeNull()
  })

  test('another address must be confirmed before Pay works again, and the payment ships there', async () => {
    const pays = recordBodies(server, /\/pay$/)
    const opened = await openCheckout()
    renderCheckout(opened.checkoutSessionId)
    const account = await signIn()
    const other = account.addresses.find((a) => formatAddress(a) !== formatAddress(account.shippingAddress))
    expect(other, 'the wallet holds a second address').toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Change address' }))
    const list = screen.getByRole('group', { name: 'Choose an address' })
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual(account.addresses.map(formatAddress))
    expect((await payButton()).disabled).toBe(true)
    fireEvent.click(within(list).getByRole('button', { name: formatAddress(other!) }))

    expect(screen.getByText(`Ship to ${formatAddress(other!)}?`)).toBeTruthy()
    expect((await payButton()).disabled).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Confirm address' }))

    await waitFor(() => expect(screen.getByRole('region', { name: 'Wallet' }).textContent).toContain(formatAddress(other!)))
    expect((await payButton()).disabled).toBe(false)
    fireEvent.click(await payButton())
    await screen.findByRole('heading', { name: 'Payment complete' })
    expect(await pays.all()).toEqual([{ walletToken: account.walletToken, shippingAddress: other }])
  })

  test('a subscription offers Subscribe with Wallet and subscribes with it', async () => {
    const opened = await openCheckout('Coffee club subscription')
    renderCheckout(opened.checkoutSessionId)
    expect(screen.queryByRole('button', { name: 'Pay with Wallet' })).toBeNull()
    await signIn('Subscribe with Wallet')

    expect((await payButton()).textContent).toBe('Subscribe $36.00 every 2 months')
    fireEvent.click(await payButton())
    expect(await screen.findByRole('heading', { name: 'Payment complete' })).toBeTruthy()
  })

  test('Cancel payment on the wallet steps cancels the checkout', async () => {
    const cancels = recordBodies(server, /\/cancel$/)
    const opened = await openCheckout()
    renderCheckout(opened.checkoutSessionId)
    await signIn()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel payment' }))

    expect(
      await screen.findByRole('heading', { name: 'Payment cancelled. Nothing was charged. You can close this window.' }),
    ).toBeTruthy()
    expect(await cancels.all()).toEqual([{ reason: 'payer' }])
  })

  test('a brand without a wallet gateway shows no wallet button', async () => {
    const opened = await openCheckout('抹茶セット', 'wk_sakura')
    renderCheckout(opened.checkoutSessionId)
    await payButton()
    expect(screen.queryByRole('button', { name: /with Wallet/ })).toBeNull()
  })
})
