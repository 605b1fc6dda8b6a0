/**
 * Paying in the hosted checkout as a payer does: the demo shop, the chat, the card the operator
 * shares, Pay now, the checkout window, a test card typed key by key, and then what the checkout and
 * the card in the chat say. Approved cards, the wallet, three currencies, a split bill and an extra
 * payment. Declines, the bank's step, an unknown status, holds and saved cards are in
 * checkout-outcomes.test.ts.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  ACME,
  CARD_LABELS,
  cardValues,
  expectPaid,
  outcome,
  Payer,
  payButton,
  receiptRows,
  SAKURA,
  screenshot,
  testCard,
  textOf,
  typeCard,
  type Order,
} from './checkout-payer'
import { launchChromium, startStack, type Stack } from './stack'

const HOUSE_BLEND: Order = { shop: ACME, paymentPageId: 'pp_house_blend', title: 'House blend, 1 kg' }

let browser: Browser
let stack: Stack

/** One visitor on Acme Coffee's shop, who orders again in the same chat for every test. */
let acme: Payer
/** A visitor on Sakura Tea's shop, whose widget speaks Japanese. */
let sakura: Payer

beforeAll(async () => {
  ;[browser, stack] = await Promise.all([launchChromium(), startStack({ hostPage: () => '' })])
  acme = await new Payer(browser, stack, ACME).startChat('Hi! Can I order here and pay in the chat?')
  sakura = await new Payer(browser, stack, SAKURA).startChat('抹茶セットをチャットで注文できますか？')
})
afterAll(async () => {
  await acme?.close()
  await sakura?.close()
  await browser?.close()
  await stack?.close()
})

describe('approved cards, $24.50 at Acme Coffee', () => {
  test('Visa 4242: the form shapes what is typed; the receipt and the chat say Visa •••• 4242', async () => {
    const { card, checkout } = await acme.order(HOUSE_BLEND)
    expect(await textOf(checkout.locator('.item-price'))).toBe('$24.50')
    expect(await textOf(checkout.locator('.terms'))).toBe('A one-time payment of $24.50 to Acme Coffee.')
    await expect.poll(() => card.status()).toBe('Checkout open in another window')

    await typeCard(checkout, testCard('4242424242424242'))
    // Typed as one run of digits, shown in groups of four with the brand beside it.
    expect(await cardValues(checkout)).toEqual(testCard('4242 4242 4242 4242'))
    expect(await textOf(checkout.locator('.field-adornment'))).toBe('Visa')
    expect(await checkout.getByRole('button', { name: 'Pay with Wallet' }).count()).toBe(1)
    await screenshot(checkout, 'form')

    await payButton(checkout, 'Pay $24.50').click()
    await expectPaid(checkout, card, {
      card: 'Visa •••• 4242',
      amount: '$24.50',
      chatSays: 'Paid with Visa •••• 4242',
    })
    await screenshot(checkout, 'receipt')
  })

  test('Mastercard 5555 5555 5555 4444: the chat says Mastercard •••• 4444', async () => {
    const { card, checkout } = await acme.order(HOUSE_BLEND)
    await typeCard(checkout, testCard('5555 5555 5555 4444'))
    expect(await textOf(checkout.locator('.field-adornment'))).toBe('Mastercard')
    await payButton(checkout, 'Pay $24.50').click()
    await expectPaid(checkout, card, {
      card: 'Mastercard •••• 4444',
      amount: '$24.50',
      chatSays: 'Paid with Mastercard •••• 4444',
    })
  })

  test('JCB 3566 0020 2036 0505: the chat says JCB •••• 0505', async () => {
    const { card, checkout } = await acme.order(HOUSE_BLEND)
    await typeCard(checkout, testCard('3566 0020 2036 0505'))
    expect(await textOf(checkout.locator('.field-adornment'))).toBe('JCB')
    await payButton(checkout, 'Pay $24.50').click()
    await expectPaid(checkout, card, {
      card: 'JCB •••• 0505',
      amount: '$24.50',
      chatSays: 'Paid with JCB •••• 0505',
    })
  })

  test('American Express: the 3 % surcharge is shown and Pay waits until the payer approves the new total', async () => {
    const { card, checkout } = await acme.order(HOUSE_BLEND)
    await typeCard(checkout, testCard('3782 822463 10005', '1234'))
    expect((await cardValues(checkout)).number).toBe('3782 822463 10005')
    expect(await textOf(checkout.locator('.field-adornment'))).toBe('American Express')

    expect(await textOf(checkout.locator('.surcharge p'))).toBe(
      'American Express cards carry a 3% surcharge of $0.74. New total: $25.24.',
    )
    const pay = payButton(checkout, 'Pay $25.24')
    expect(await pay.isDisabled()).toBe(true)
    await screenshot(checkout, 'surcharge')

    await checkout.getByLabel('Approve new total').check()
    expect(await pay.isEnabled()).toBe(true)
    await pay.click()
    const rows = await expectPaid(checkout, card, {
      card: 'American Express •••• 0005',
      amount: '$25.24',
      chatSays: 'Paid with American Express •••• 0005',
    })
    expect(rows.Surcharge).toBe('$0.74')
    // The chat's card must not say less than was charged: $25.24, not only the $24.50 asked.
    // (For a hold the card does say "$25.24 held on American Express •••• 0005".)
    expect(await card.text()).toContain('$25.24')
  })

  test('Pay with Wallet: sign in, the wallet’s name, address and Visa •••• 1881, pay', async () => {
    const { card, checkout } = await acme.order(HOUSE_BLEND)
    await checkout.getByRole('button', { name: 'Pay with Wallet' }).click()
    await checkout.getByRole('heading', { name: 'Sign in to Wallet' }).waitFor()
    expect(await checkout.getByLabel('Card number').count()).toBe(0)
    await checkout.getByLabel('Email').pressSequentially('ada@example.com')
    await checkout.getByLabel('Password').pressSequentially('correct horse')
    await checkout.getByRole('button', { name: 'Sign in' }).click()

    const wallet = checkout.getByRole('region', { name: 'Wallet' })
    await wallet.waitFor()
    expect(await receiptRows(wallet)).toEqual({
      Name: 'Alex Morgan',
      'Ship to': '1 Market Street, San Francisco 94105, US',
      'Pays with': 'Visa •••• 1881',
    })
    expect(await checkout.getByRole('button').allTextContents()).toEqual(['Change address', 'Pay $24.50', 'Cancel payment'])
    await screenshot(checkout, 'wallet')

    await payButton(checkout, 'Pay $24.50').click()
    const panel = outcome(checkout, 'Payment complete')
    await panel.waitFor()
    expect(await receiptRows(panel)).toMatchObject({ Amount: '$24.50', Wallet: 'Visa •••• 1881' })
    await expect.poll(() => card.status()).toBe('Paid with Visa •••• 1881')
    expect(await card.buttons()).toEqual([])
  })
})

describe('other currencies', () => {
  test('JPY at Sakura Tea: ￥3,200 (no decimals) paid with 4242 on a checkout in Japanese, as the chat is; the chat says so', async () => {
    const order: Order = { shop: SAKURA, paymentPageId: 'pp_matcha_set', title: '抹茶セット' }
    const { card, checkout } = await (order.shop === SAKURA ? sakura : acme).order(order)
    // The chat is in Japanese, so the checkout it opens is too (full-width yen sign, as Intl writes it).
    expect(await textOf(card.locator.locator('.pc-card-amount'))).toBe('￥3,200')
    expect(new URL(checkout.url()).searchParams.get('locale')).toBe('ja')
    expect(await checkout.getAttribute('html', 'lang')).toBe('ja')
    expect(await textOf(checkout.locator('.brand-name'))).toBe('Sakura Tea')
    expect(await textOf(checkout.locator('.item-price'))).toBe('￥3,200')
    expect(await textOf(checkout.locator('.terms'))).toBe('Sakura Tea への1回限りのお支払い（￥3,200）です。')
    // Sakura Tea has no wallet gateway.
    expect(await checkout.getByRole('button', { name: 'Wallet で支払う' }).count()).toBe(0)

    await typeCard(checkout, testCard('4242 4242 4242 4242'), CARD_LABELS.ja)
    await payButton(checkout, '￥3,200 を支払う').click()
    const panel = outcome(checkout, 'お支払いが完了しました')
    await panel.waitFor()
    const rows = await receiptRows(panel)
    expect(rows).toMatchObject({ 金額: '￥3,200', カード: 'Visa •••• 4242' })

    await expect.poll(() => card.status()).toBe('Visa •••• 4242 で支払い済み')
    expect(await textOf(card.locator.locator('p.pc-card-reference'))).toBe(`参照番号 ${rows['参照番号']}`)
    expect(await card.locator.getByRole('button').count()).toBe(0)
  })

  test('BHD (three decimals): BHD 18.250 paid with 4242', async () => {
    const order: Order = { shop: ACME, paymentPageId: 'pp_bahrain_gift_box', title: 'Gift box, Manama delivery' }
    const { card, checkout } = await (order.shop === SAKURA ? sakura : acme).order(order)
    expect(await textOf(card.locator.locator('.pc-card-amount'))).toBe('BHD 18.250')
    expect(await textOf(checkout.locator('.item-price'))).toBe('BHD 18.250')
    expect(await textOf(checkout.locator('.terms'))).toBe('A one-time payment of BHD 18.250 to Acme Coffee.')

    await typeCard(checkout, testCard('4242 4242 4242 4242'))
    await payButton(checkout, 'Pay BHD 18.250').click()
    await expectPaid(checkout, card, {
      card: 'Visa •••• 4242',
      amount: 'BHD 18.250',
      chatSays: 'Paid with Visa •••• 4242',
    })
    await screenshot(checkout, 'receipt-bhd')
  })
})

test('a split bill: $10.00 with Visa, the rest with Mastercard, then an extra payment for gift wrap', async () => {
  const { card, checkout } = await acme.order(HOUSE_BLEND)
  await typeCard(checkout, testCard('4242 4242 4242 4242'))
  await checkout.getByLabel('Split across cards').check()
  const amount = checkout.getByLabel('Amount for this card')
  expect(await amount.inputValue()).toBe('24.50')
  await amount.fill('')
  await amount.pressSequentially('10.00')
  await payButton(checkout, 'Pay $10.00').click()

  // Part paid: what was paid and with which card, and an empty form for the rest.
  await checkout.getByRole('heading', { name: 'Paid so far $10.00 of $24.50' }).waitFor()
  expect(await receiptRows(checkout.locator('.paid-so-far'))).toMatchObject({ Amount: '$10.00', Card: 'Visa •••• 4242' })
  expect(await cardValues(checkout)).toEqual({ name: '', number: '', expiry: '', cvc: '' })
  await payButton(checkout, 'Pay $14.50').waitFor()
  await expect.poll(() => card.text()).toContain('$10.00 of $24.50 paid')
  await screenshot(checkout, 'split')

  await typeCard(checkout, testCard('5555 5555 5555 4444'))
  await payButton(checkout, 'Pay $14.50').click()
  const panel = outcome(checkout, 'Payment complete')
  await panel.waitFor()
  const charges = panel.locator('ul.charges > li')
  expect(await charges.count()).toBe(2)
  expect(await receiptRows(charges.nth(0))).toMatchObject({ Amount: '$10.00', Card: 'Visa •••• 4242' })
  expect(await receiptRows(charges.nth(1))).toMatchObject({ Amount: '$14.50', Card: 'Mastercard •••• 4444' })

  await expect.poll(() => card.status()).toMatch(/^Paid with /)
  expect(await card.locator.locator('li').allTextContents()).toEqual([
    'Payment · $10.00 · Visa •••• 4242',
    'Payment · $14.50 · Mastercard •••• 4444',
  ])

  // An extra payment on top of the paid price, in the same window.
  await checkout.getByRole('button', { name: 'Add another payment (3 left)' }).click()
  await checkout.getByLabel('What it is for').pressSequentially('Gift wrap')
  await checkout.getByLabel('Amount', { exact: true }).pressSequentially('3.00')
  await typeCard(checkout, testCard('4242 4242 4242 4242'))
  await payButton(checkout, 'Pay $3.00').click()
  await checkout.getByRole('button', { name: 'Add another payment (2 left)' }).waitFor()
  expect(await panel.locator('ul.charges > li').count()).toBe(3)
  expect(await receiptRows(panel.locator('ul.charges > li').nth(2))).toMatchObject({ Amount: '$3.00', Card: 'Visa •••• 4242' })
  expect(await textOf(panel.locator('ul.charges > li').nth(2).locator('.receipt-title'))).toBe('Gift wrap')
  await expect.poll(() => card.locator.locator('li').allTextContents()).toContain('Gift wrap · $3.00 · Visa •••• 4242')
  await screenshot(checkout, 'extra')
})
