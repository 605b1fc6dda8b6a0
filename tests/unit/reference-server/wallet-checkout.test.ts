import { describe, expect, test } from 'vitest'
import { cancelCheckout, payExpecting, viewOf, visitorAtCheckout, walletSignIn } from './checkout-calls'
import { advanceClock, MINUTE, pay, type ShareOptions, useReferenceServer } from './harness'

useReferenceServer()

/** A checkout page of Acme Coffee (which has a `wallet` gateway), signed in to the wallet. */
async function signedIn(pageId = 'pp_house_blend', options: ShareOptions = {}) {
  const at = await visitorAtCheckout(pageId, options)
  const answer = await walletSignIn(at.sessionId)
  expect(answer.status, answer.text).toBe(200)
  return { ...at, wallet: answer.body }
}

describe('signing in to the wallet', () => {
  test('supplies a token, the name, the addresses and the stored card’s brand and last 4 only', async () => {
    const { sessionId, wallet } = await signedIn()
    expect((await viewOf(sessionId)).body.wallet).toBe(true)
    expect(wallet).toEqual({
      walletToken: expect.stringMatching(/^wal_/),
      name: 'Alex Morgan',
      email: 'alex@example.com',
      shippingAddress: wallet.addresses[0],
      addresses: [
        expect.objectContaining({ city: 'San Francisco', country: 'US' }),
        expect.objectContaining({ city: 'Tokyo', country: 'JP' }),
      ],
      card: { cardBrand: 'visa', last4: '1881' },
    })
  })

  test('an empty password is 401 wallet_sign_in_failed', async () => {
    const { sessionId } = await visitorAtCheckout()
    const answer = await walletSignIn(sessionId, { email: 'alex@example.com', password: '' })
    expect([answer.status, answer.error?.code]).toEqual([401, 'wallet_sign_in_failed'])
  })

  test('an e-mail that is not one is 400 on email', async () => {
    const { sessionId } = await visitorAtCheckout()
    expect((await walletSignIn(sessionId, { email: 'alex', password: 'x' })).error?.field).toBe('email')
  })

  test('a brand without a wallet gateway (Sakura Tea) is 404 wallet_unavailable', async () => {
    const { sessionId } = await visitorAtCheckout('pp_matcha_set', {}, 'wk_sakura')
    expect((await viewOf(sessionId)).body.wallet).toBe(false)
    const answer = await walletSignIn(sessionId)
    expect([answer.status, answer.error?.code]).toEqual([404, 'wallet_unavailable'])
  })

  test('on a page that has ended it is 422 checkout_expired', async () => {
    const { sessionId } = await visitorAtCheckout()
    await cancelCheckout(sessionId)
    expect((await walletSignIn(sessionId)).error?.code).toBe('checkout_expired')
  })
})

describe('paying with the wallet', () => {
  test('pays with the wallet’s card: method wallet, visa 1881', async () => {
    const { sessionId, wallet } = await signedIn()
    const result = await payExpecting(sessionId, { walletToken: wallet.walletToken }, 'paid')
    expect(result.charge).toMatchObject({ method: 'wallet', cardBrand: 'visa', last4: '1881', amount: { amount: 2450 } })
    expect(result.paymentRequest).toMatchObject({ status: 'paid', receipt: { cardBrand: 'visa', last4: '1881' } })
  })

  test('with the other address the wallet holds', async () => {
    const { sessionId, wallet } = await signedIn()
    await payExpecting(sessionId, { walletToken: wallet.walletToken, shippingAddress: wallet.addresses[1] }, 'paid')
  })

  test('an address the wallet does not hold is 422 address_unknown, nothing charged', async () => {
    const { sessionId, wallet } = await signedIn()
    const elsewhere = { ...wallet.shippingAddress, line1: '10 Downing Street' }
    const answer = await pay(sessionId, { walletToken: wallet.walletToken, shippingAddress: elsewhere })
    expect([answer.status, answer.error?.code, answer.error?.field]).toEqual([422, 'address_unknown', 'shippingAddress'])
    expect((await viewOf(sessionId)).body.charges).toEqual([])
  })

  test('the token of another checkout session, or a made-up one, is 422 wallet_invalid', async () => {
    const other = await signedIn()
    const { sessionId } = await visitorAtCheckout()
    for (const walletToken of [other.wallet.walletToken, 'wal_made_up']) {
      const answer = await pay(sessionId, { walletToken })
      expect([answer.status, answer.error?.code, answer.error?.field]).toEqual([422, 'wallet_invalid', 'walletToken'])
    }
    expect((await viewOf(sessionId)).body.paymentRequestStatus).toBe('checkout_open')
  })

  test('neither a card nor a wallet token is 400 naming the first card field', async () => {
    const { sessionId } = await visitorAtCheckout()
    expect((await pay(sessionId, {})).error).toMatchObject({ code: 'validation_failed', field: 'name' })
  })

  test('a recurring page paid with the wallet sets up the subscription on the wallet’s card', async () => {
    const { sessionId, wallet } = await signedIn('pp_coffee_club')
    expect((await viewOf(sessionId)).body.mode).toBe('subscription')
    const result = await payExpecting(sessionId, { walletToken: wallet.walletToken }, 'paid')
    expect(result.paymentRequest.subscription).toMatchObject({ status: 'active', interval: 'month', intervalCount: 2 })
    expect(result.charge?.method).toBe('wallet')
  })

  test('an expired page refuses the wallet too: 422 checkout_expired', async () => {
    const { sessionId, wallet } = await signedIn('pp_house_blend', { checkoutMinutes: 30 })
    await advanceClock(30 * MINUTE)
    const answer = await pay(sessionId, { walletToken: wallet.walletToken })
    expect([answer.status, answer.error?.code]).toEqual([422, 'checkout_expired'])
  })
})
