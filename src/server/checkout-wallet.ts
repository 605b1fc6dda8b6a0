import type { ShippingAddress, WalletSignIn } from '../protocol/types'
import { ApiFailure } from './api-error'
import { checkoutSession, extraPaymentsLeft, offersWallet } from './checkout-sessions'
import { newToken } from './ids'
import type { ServerState } from './state'

/** What every simulated wallet holds: a default address, a second one, and a stored Visa. */
const ADDRESSES: ShippingAddress[] = [
  { line1: '1 Market Street', city: 'San Francisco', postalCode: '94105', country: 'US' },
  { line1: '1-1 Marunouchi, Chiyoda-ku', city: 'Tokyo', postalCode: '100-0005', country: 'JP' },
]

/**
 * `POST /v1/checkout/sessions/{id}/wallet/sign-in`: the simulated wallet's sign-in (any e-mail and a
 * non-empty password). Its token is good for this checkout session only, as a wallet's checkout
 * session id is; from then on the page pays with the wallet's stored card.
 */
export function walletSignIn(state: ServerState, id: string, credentials: { email: string; password: string }): WalletSignIn {
  const { session, record } = checkoutSession(state, id)
  if (!offersWallet(state, record.brandId)) throw new ApiFailure(404, 'wallet_unavailable', 'This shop does not offer Pay with Wallet.')
  if (session.status !== 'open' && extraPaymentsLeft(state, session, record) === 0) {
    throw new ApiFailure(422, 'checkout_expired', 'This checkout page has expired. Go back to the chat and press Pay now again.')
  }
  if (!credentials.password) throw new ApiFailure(401, 'wallet_sign_in_failed', 'Enter your wallet password.', 'password')
  const walletToken = newToken('wal')
  const wallet = {
    checkoutSessionId: session.id,
    name: 'Alex Morgan',
    email: credentials.email,
    addresses: structuredClone(ADDRESSES),
    card: { cardBrand: 'visa', last4: '1881' },
  }
  state.gateway.wallets.set(walletToken, wallet)
  return {
    walletToken,
    name: wallet.name,
    email: wallet.email,
    shippingAddress: wallet.addresses[0]!,
    addresses: wallet.addresses,
    card: wallet.card,
  }
}
