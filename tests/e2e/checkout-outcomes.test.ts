/**
 * The hosted checkout's other outcomes, each tried as a payer: from the chat's Pay now, typing the
 * test card, and reading what the checkout and then the card in the chat say. Declines, the bank's
 * extra step (3-D Secure), a payment whose status is unknown, a hold (`authorize`) and a saved card
 * (`save_card`). The house blend, $24.50 at Acme Coffee.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  ACME,
  cardValues,
  expectPaid,
  outcome,
  payButton,
  receiptRows,
  screenshot,
  testCard,
  textOf,
  typeCard,
  type ChatCard,
  type Order,
  Payer,
} from './checkout-payer'
import { launchChromium, startStack, type Stack } from './stack'

const HOUSE_BLEND: Order = { shop: ACME, paymentPageId: 'pp_house_blend', title: 'House blend, 1 kg' }

let browser: Browser
let stack: Stack

/** One visitor on Acme Coffee's shop, who orders again in the same chat for every test. */
let acme: Payer

beforeAll(async () => {
  ;[browser, stack] = await Promise.all([launchChromium(), startStack({ hostPage: () => '' })])
  acme = await new Payer(browser, stack, ACME).startChat('Hi! Can I order here and pay in the chat?')
})
afterAll(async () => {
  await acme?.close()
  await browser?.close()
  await stack?.close()
})

/** Types `number` and presses Pay $24.50. */
async function payWith(number: string): Promise<{ card: ChatCard; checkout: Page }> {
  const opened = await acme.order(HOUSE_BLEND)
  await typeCard(opened.checkout, testCard(number))
  await payButton(opened.checkout, 'Pay $24.50').click()
  return opened
}

/** The sentence above Pay after a decline; the card stays typed in but for its CVC, which has the focus. */
async function expectDeclined(checkout: Page, number: string, message: string) {
  const alert = checkout.getByRole('alert')
  await alert.waitFor()
  expect(await textOf(alert)).toBe(message)
  // The CVC is cleared and focused by an effect, a moment after the message shows.
  await expect.poll(() => cardValues(checkout)).toEqual({ ...testCard(number), cvc: '' })
  await expect
    .poll(() => checkout.getByLabel('CVC', { exact: true }).evaluate((el) => el === document.activeElement))
    .toBe(true)
  expect(await payButton(checkout, 'Pay $24.50').isEnabled()).toBe(true)
}

describe('declines: each says why, keeps the card but the CVC, and the chat says the same', () => {
  const declines = [
    ['card declined', '4000 0000 0000 0002', 'Your card was declined. Try another card.'],
    ['insufficient funds', '4000 0000 0000 9995', 'Your card has insufficient funds. Try another card.'],
    ['expired card', '4000 0000 0000 0069', 'Your card has expired. Try another card.'],
    ['incorrect CVC', '4000 0000 0000 0127', "Your card's security code is incorrect. Check it and try again."],
  ] as const

  test.each(declines)('%s (%s)', async (name, number, message) => {
    const { card, checkout } = await payWith(number)
    await expectDeclined(checkout, number, message)
    if (name === 'card declined') await screenshot(checkout, 'declined')

    await expect.poll(() => card.status()).toBe(`Payment failed: ${message}`)
    // Nothing was charged: the card offers Pay now again.
    expect(await card.buttons()).toContain('Pay now')
  })

  test('after a decline, another card and its CVC pay in the same window', async () => {
    const { card, checkout } = await payWith('4000 0000 0000 0002')
    await expectDeclined(checkout, '4000 0000 0000 0002', 'Your card was declined. Try another card.')

    const number = checkout.getByLabel('Card number', { exact: true })
    await number.fill('')
    await number.pressSequentially('4242 4242 4242 4242')
    await checkout.getByLabel('CVC', { exact: true }).pressSequentially('123')
    await payButton(checkout, 'Pay $24.50').click()
    await expectPaid(checkout, card, { card: 'Visa •••• 4242', amount: '$24.50', chatSays: 'Paid with Visa •••• 4242' })
  })
})

describe('3-D Secure (4000 0000 0000 3220)', () => {
  async function intoBankStep() {
    const opened = await payWith('4000 0000 0000 3220')
    const { checkout } = opened
    await checkout.getByRole('heading', { name: 'Your bank wants to confirm this payment' }).waitFor()
    const step = checkout.locator('section.challenge')
    expect(await receiptRows(step)).toEqual({ Card: 'Visa •••• 3220', Amount: '$24.50' })
    expect(await step.getByRole('button').allTextContents()).toEqual(['Confirm', 'Fail authentication', 'Cancel payment'])
    expect(await checkout.getByRole('button', { name: /^Pay / }).isVisible()).toBe(false)
    return opened
  }

  test('Confirm passes the step and pays', async () => {
    const { card, checkout } = await intoBankStep()
    await screenshot(checkout, '3ds-challenge')
    await checkout.getByRole('button', { name: 'Confirm' }).click()
    await expectPaid(checkout, card, { card: 'Visa •••• 3220', amount: '$24.50', chatSays: 'Paid with Visa •••• 3220' })
  })

  test('Fail authentication returns to the form with the reason, and the chat says it failed', async () => {
    const { card, checkout } = await intoBankStep()
    await checkout.getByRole('button', { name: 'Fail authentication' }).click()

    const message = 'We could not confirm this payment with your bank. Try again or use another card.'
    await expectDeclined(checkout, '4000 0000 0000 3220', message)
    expect(await checkout.locator('section.challenge').count()).toBe(0)
    await expect.poll(() => card.status()).toBe(`Payment failed: ${message}`)
    expect(await card.buttons()).toContain('Pay now')
  })
})

test('unknown status (4000 0000 0000 0119): do not resubmit, a reference, no retry in the page or the chat', async () => {
  const { card, checkout } = await payWith('4000 0000 0000 0119')

  const heading = checkout.getByRole('heading', { name: /^Do not resubmit/ })
  await heading.waitFor()
  const said = await textOf(heading)
  expect(said).toMatch(/^Do not resubmit: the payment status is unknown\. Contact us with reference ch_[\w-]+\.$/)
  const reference = /reference (ch_[\w-]+)\.$/.exec(said)![1]
  expect(await textOf(checkout.locator('section.outcome p'))).toBe(
    'The bank has not confirmed this payment yet. The chat will show the result as soon as it is known.',
  )
  expect(await checkout.getByRole('button').allTextContents()).toEqual(['Close'])
  await screenshot(checkout, 'unknown')

  await expect
    .poll(() => card.status())
    .toBe(`We’re confirming the payment status. Don’t pay again. Reference ${reference}`)
  expect(await card.buttons()).toEqual([])
})

describe('what the operator asked for: a hold or a saved card', () => {
  const HOLD: Order = { ...HOUSE_BLEND, transactionType: 'authorize' }

  test('authorize (Visa): the page and the chat say $24.50 is held, and nothing says it was paid', async () => {
    const { card, checkout } = await acme.order(HOLD)
    expect(await card.text()).toContain('Authorization: $24.50 will be held on your card')
    expect(await textOf(checkout.locator('.terms'))).toBe('$24.50 is held on your card now and charged later by Acme Coffee.')
    await typeCard(checkout, testCard('4242 4242 4242 4242'))
    await payButton(checkout, 'Authorize $24.50').click()

    const panel = outcome(checkout, 'Payment authorized')
    await panel.waitFor()
    expect(await textOf(panel)).toContain('$24.50 is held on your card. Acme Coffee charges it later.')
    expect(await receiptRows(panel)).toMatchObject({ Amount: '$24.50', Card: 'Visa •••• 4242', Held: expect.any(String) })
    await screenshot(checkout, 'authorized')
    await expect.poll(() => card.status()).toBe('$24.50 held on Visa •••• 4242 — the seller will charge it later')
    expect(await card.buttons()).toEqual([])

    // A hold is not a payment: the page must not list it as "Paid" or as a part payment.
    expect(await checkout.getByRole('heading', { name: /^Paid so far/ }).count()).toBe(0)
    expect(await checkout.locator('dt', { hasText: /^Paid$/ }).count()).toBe(0)
  })

  test('authorize with American Express: the page says the $25.24 held, surcharge included', async () => {
    const { card, checkout } = await acme.order(HOLD)
    await typeCard(checkout, testCard('3782 822463 10005', '1234'))
    await checkout.getByLabel('Approve new total').check()
    await payButton(checkout, 'Authorize $25.24').click()

    const panel = outcome(checkout, 'Payment authorized')
    await panel.waitFor()
    expect(await receiptRows(panel)).toMatchObject({ Amount: '$25.24', Surcharge: '$0.74', Card: 'American Express •••• 0005' })
    await expect.poll(() => card.status()).toBe('$25.24 held on American Express •••• 0005 — the seller will charge it later')
    // The sentence above the receipt must say what is held, as the chat does.
    expect(await textOf(panel.locator('p').first())).toBe('$25.24 is held on your card. Acme Coffee charges it later.')
  })

  test('save_card: nothing is charged, the card is saved, and the chat says which', async () => {
    const { card, checkout } = await acme.order({ ...HOUSE_BLEND, transactionType: 'save_card' })
    expect(await card.text()).toContain('Save a card for later payments; nothing is charged now')
    expect(await textOf(checkout.locator('.terms'))).toBe('Nothing is charged now. Acme Coffee saves your card to charge it later.')
    expect(await checkout.getByRole('button', { name: 'Pay with Wallet' }).count()).toBe(0)
    await typeCard(checkout, testCard('5555 5555 5555 4444'))
    await payButton(checkout, 'Save card').click()

    const panel = outcome(checkout, 'Card saved')
    await panel.waitFor()
    expect(await textOf(panel)).toContain('Nothing was charged. Acme Coffee can charge this card later.')
    const rows = await receiptRows(panel)
    expect(rows).toMatchObject({ Card: 'Mastercard •••• 4444', Saved: expect.any(String) })
    expect(rows).not.toHaveProperty('Amount')
    await expect.poll(() => card.status()).toBe('Card saved: Mastercard •••• 4444')
    expect(await card.buttons()).toEqual([])
  })
})
