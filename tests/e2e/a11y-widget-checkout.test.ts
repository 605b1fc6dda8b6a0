/**
 * axe-core (WCAG 2.x A/AA and best practices, colour contrast included) on the widget with a card in
 * every state the server can produce, in light and dark, and on the hosted checkout in each of its
 * steps. One visitor on Acme Coffee orders again and again in the same chat, as in the checkout tests.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { axe, describeViolations } from './axe'
import { ACME, CHECKOUT_VIEWPORT, payButton, testCard, typeCard, Payer } from './checkout-payer'
import { launchChromium, OPERATOR_TOKEN, startStack, type Stack } from './stack'

let browser: Browser
let stack: Stack
let acme: Payer

beforeAll(async () => {
  ;[browser, stack] = await Promise.all([launchChromium(), startStack({ hostPage: () => '' })])
  acme = await new Payer(browser, stack, ACME).startChat('Hello, I would like to order')
})
afterAll(async () => {
  await acme?.close()
  await browser?.close()
  await stack?.close()
})

/** Every violation found, by the state it was found in: one assertion at the end lists them all. */
const found: Record<string, string[]> = {}

async function scanWidget(state: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await acme.page.emulateMedia({ colorScheme })
    const violations = await axe(acme.page, 'paychat-widget')
    if (violations.length) found[`widget, ${state}, ${colorScheme}`] = describeViolations(violations)
  }
  await acme.page.emulateMedia({ colorScheme: 'light' })
}

async function scanCheckout(checkout: Page, state: string) {
  const violations = await axe(checkout)
  if (violations.length) found[`checkout, ${state}`] = describeViolations(violations)
}

function card(id: string) {
  return acme.page.locator(`article[aria-labelledby="pc-card-${id}"]`)
}

/** Shares the house blend (or `transactionType` of it) and waits for its card in the chat. */
async function share(transactionType?: 'authorize' | 'save_card') {
  const request = await acme.share('pp_house_blend', transactionType)
  await card(request.id).getByRole('button').first().waitFor()
  return request.id
}

async function statusOf(id: string) {
  return (await card(id).getByRole('status').textContent()) ?? ''
}

/** Presses the card's first button (Pay now / Save card) and returns the checkout window. */
async function openCheckout(id: string): Promise<Page> {
  const opened = acme.page.waitForEvent('popup')
  await card(id).getByRole('button').first().click()
  const checkout = await opened
  await checkout.setViewportSize(CHECKOUT_VIEWPORT)
  await checkout.getByRole('heading', { level: 1 }).waitFor()
  return checkout
}

async function retype(checkout: Page, number: string) {
  const field = checkout.getByLabel('Card number', { exact: true })
  await field.fill('')
  await field.pressSequentially(number)
  const cvc = checkout.getByLabel('CVC', { exact: true })
  await cvc.fill('')
  await cvc.pressSequentially('123')
}

test('no axe violations on any card state (light and dark) or any checkout step', async () => {
  await scanWidget('conversation')

  // pending → checkout open: the form, the surcharge, the bank step, a decline → failed → paid.
  const first = await share()
  await scanWidget('pending')
  let checkout = await openCheckout(first)
  await expect.poll(() => statusOf(first)).not.toBe('Waiting for your payment')
  await scanWidget('checkout open')
  await scanCheckout(checkout, 'form')
  await typeCard(checkout, testCard('3782 822463 10005', '1234'))
  await checkout.getByLabel('Approve new total').waitFor()
  await scanCheckout(checkout, 'surcharge approval')
  await retype(checkout, '4000 0000 0000 3220')
  await payButton(checkout, 'Pay $24.50').click()
  await checkout.getByRole('heading', { name: 'Your bank wants to confirm this payment' }).waitFor()
  await scanCheckout(checkout, '3-D Secure')
  await checkout.getByRole('button', { name: 'Fail authentication' }).click()
  await checkout.getByRole('alert').waitFor()
  await scanCheckout(checkout, 'decline')
  await expect.poll(() => statusOf(first)).toMatch(/^Payment failed/)
  await scanWidget('failed')
  await retype(checkout, '4242 4242 4242 4242')
  await payButton(checkout, 'Pay $24.50').click()
  await checkout.locator('section.outcome').waitFor()
  await scanCheckout(checkout, 'paid summary')
  await expect.poll(() => statusOf(first)).toMatch(/^Paid with/)
  await scanWidget('paid')
  await checkout.close()

  // The wallet; then the visitor closes the window and cancels the card in the chat.
  const second = await share()
  checkout = await openCheckout(second)
  await checkout.getByRole('button', { name: 'Pay with Wallet' }).click()
  await checkout.getByLabel('Email').pressSequentially('ada@example.com')
  await checkout.getByLabel('Password').pressSequentially('correct horse')
  await scanCheckout(checkout, 'wallet sign-in')
  await checkout.getByRole('button', { name: 'Sign in' }).click()
  await checkout.getByRole('region', { name: 'Wallet' }).waitFor()
  await scanCheckout(checkout, 'wallet')
  await checkout.close()
  await card(second).getByRole('button', { name: 'Cancel' }).click()
  await card(second).getByText('You cancelled this payment.').waitFor()
  await scanWidget('declined')

  // unknown
  const third = await share()
  checkout = await openCheckout(third)
  await typeCard(checkout, testCard('4000 0000 0000 0119'))
  await payButton(checkout, 'Pay $24.50').click()
  await checkout.getByRole('heading', { name: /^Do not resubmit/ }).waitFor()
  await scanCheckout(checkout, 'unknown')
  await expect.poll(() => statusOf(third)).toMatch(/Don’t pay again/)
  await scanWidget('unknown')
  await checkout.close()

  // authorized (a hold)
  const hold = await share('authorize')
  checkout = await openCheckout(hold)
  await typeCard(checkout, testCard('4242 4242 4242 4242'))
  await payButton(checkout, 'Authorize $24.50').click()
  await checkout.getByRole('heading', { name: 'Payment authorized' }).waitFor()
  await scanCheckout(checkout, 'authorized')
  await expect.poll(() => statusOf(hold)).toMatch(/held on Visa/)
  await scanWidget('authorized')
  await checkout.close()

  // card saved
  const save = await share('save_card')
  checkout = await openCheckout(save)
  await typeCard(checkout, testCard('5555 5555 5555 4444'))
  await payButton(checkout, 'Save card').click()
  await checkout.getByRole('heading', { name: 'Card saved' }).waitFor()
  await scanCheckout(checkout, 'card saved')
  await expect.poll(() => statusOf(save)).toMatch(/^Card saved/)
  await scanWidget('card saved')
  await checkout.close()

  // part paid
  const split = await share()
  checkout = await openCheckout(split)
  await typeCard(checkout, testCard('4242 4242 4242 4242'))
  await checkout.getByLabel('Split across cards').check()
  const amount = checkout.getByLabel('Amount for this card')
  await amount.fill('10.00')
  await payButton(checkout, 'Pay $10.00').click()
  await checkout.getByRole('heading', { name: 'Paid so far $10.00 of $24.50' }).waitFor()
  await scanCheckout(checkout, 'part paid')
  await expect.poll(async () => (await card(split).textContent()) ?? '').toContain('$10.00 of $24.50 paid')
  await scanWidget('part paid')
  await checkout.close()

  // revoked by the operator
  const revoked = await share()
  await acme.op.revoke(revoked)
  await card(revoked).getByText(/^Withdrawn by/).waitFor()
  await scanWidget('revoked')

  // expired: the mock clock passes the card's 24 hours
  const late = await share()
  const res = await fetch(`${stack.apiBase}/v1/mock/clock`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: 25 * 60 * 60 * 1000 }),
  })
  expect(res.ok).toBe(true)
  await expect.poll(() => card(late).getByRole('button').count(), { timeout: 10_000 }).toBe(0)
  await scanWidget('expired')

  expect(found).toEqual({})
})
