import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { expect, onTestFinished } from 'vitest'
import type { PaymentRequest, TransactionType } from '../../src/protocol/types'
import { operator } from './operator'
import { OPERATOR_TOKEN, type Stack } from './stack'

/** Where the README's checkout pictures go (`docs/screenshots/checkout-<state>.png`). */
const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots')

/** The checkout window's size: a phone-sized window, as most payers see it. */
export const CHECKOUT_VIEWPORT = { width: 480, height: 800 }

/** The words of the demo shop the payer is on, as its widget shows them. */
export interface Shop {
  /** Path on the reference server: `/` is Acme Coffee (English), `/sakura` is Sakura Tea (Japanese). */
  path: string
  openChat: string
  message: string
  payNow: string
}

export const ACME: Shop = { path: '/', openChat: 'Open chat', message: 'Message', payNow: 'Pay now' }
export const SAKURA: Shop = { path: '/sakura', openChat: 'チャットを開く', message: 'メッセージ', payNow: '今すぐ支払う' }

export interface TypedCard {
  name: string
  number: string
  expiry: string
  cvc: string
}

/** A card as printed on it, typed by the payer key by key. */
export function testCard(number: string, cvc = '123'): TypedCard {
  return { name: 'Ada Lovelace', number, expiry: '12/34', cvc }
}

/** Collapses every run of white space (Intl puts a no-break space in "BHD 18.250") to one space. */
export function squash(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

/** The text of a locator as one line. */
export async function textOf(locator: Locator): Promise<string> {
  return squash(await locator.textContent())
}

/**
 * A visitor on a demo shop of the reference server, in a browser of their own, chatting with the
 * operator who shares payment cards with them. One visitor per shop and test file: every test asks
 * for a new card in the same chat, as a customer who orders again would.
 */
export class Payer {
  readonly op: ReturnType<typeof operator>
  /** The shop page with the widget. */
  page!: Page
  context!: BrowserContext
  conversationId!: string

  constructor(
    private readonly browser: Browser,
    private readonly stack: Stack,
    readonly shop: Shop,
  ) {
    this.op = operator(stack.apiBase)
  }

  /** Opens the shop in a fresh browser context, opens the chat and says `text`. */
  async startChat(text: string): Promise<this> {
    this.context = await this.browser.newContext()
    this.page = await this.context.newPage()
    await this.page.goto(`${this.stack.apiBase}${this.shop.path}`)
    await this.page.getByRole('button', { name: this.shop.openChat }).click()
    const composer = this.page.getByRole('textbox', { name: this.shop.message })
    await composer.waitFor()
    await composer.pressSequentially(text)
    await composer.press('Enter')
    await this.page.getByText(text).waitFor()
    this.conversationId = (await this.op.conversationWith(text)).id
    return this
  }

  /** The operator shares a payment card through the API (what the console's share button calls). */
  async share(paymentPageId: string, transactionType?: TransactionType): Promise<PaymentRequest> {
    const res = await fetch(`${this.stack.apiBase}/v1/operator/conversations/${this.conversationId}/payment-requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ paymentPageId, ...(transactionType ? { transactionType } : {}) }),
    })
    if (!res.ok) throw new Error(`sharing ${paymentPageId} -> ${res.status} ${await res.text()}`)
    return (await res.json()) as PaymentRequest
  }

  /** The operator shares `order`; the visitor presses its Pay now (or Save card). The checkout window closes when the test ends. */
  async order(order: Order): Promise<{ card: ChatCard; checkout: Page }> {
    const request = await this.share(order.paymentPageId, order.transactionType)
    const card = new ChatCard(this.page.locator(`article[aria-labelledby="pc-card-${request.id}"]`))
    expect(await textOf(card.locator.getByRole('heading'))).toBe(order.title)
    // Pay now, or Save card when the operator asked only to save one.
    const label = order.transactionType === 'save_card' ? 'Save card' : this.shop.payNow
    const button = card.locator.getByRole('button', { name: label, exact: true })
    expect(await card.status()).toBe(this.shop === SAKURA ? 'お支払いをお待ちしています' : 'Waiting for your payment')
    const opened = this.page.waitForEvent('popup')
    // Should the click fail, that is the error to see, not a stray rejection of the wait.
    opened.catch(() => {})
    await button.click()
    const checkout = await opened
    onTestFinished(() => checkout.close())
    await checkout.setViewportSize(CHECKOUT_VIEWPORT)
    await checkout.waitForURL(/\/checkout\/cs_/)
    const heading = checkout.getByRole('heading', { level: 1 })
    await heading.waitFor()
    expect(await textOf(heading)).toBe(order.title)
    return { card, checkout }
  }

  async close(): Promise<void> {
    await this.context?.close()
  }
}

/** A payment card in the chat. */
export class ChatCard {
  constructor(readonly locator: Locator) {}

  /** Its one-line state (the polite status region), e.g. "Paid with Visa •••• 4242". */
  status(): Promise<string> {
    return textOf(this.locator.getByRole('status'))
  }

  /** The labels of its buttons ("Pay now", "Cancel"); none once nothing more can be done. */
  buttons(): Promise<string[]> {
    return this.locator.getByRole('button').allTextContents()
  }

  /** Everything the card says, as one line. */
  text(): Promise<string> {
    return textOf(this.locator)
  }
}

/** The card fields' labels as the page shows them in English, and in Japanese for a Japanese chat. */
export const CARD_LABELS = {
  en: { name: 'Name on card', number: 'Card number', expiry: 'Expiry', cvc: 'CVC' },
  ja: { name: 'カード名義', number: 'カード番号', expiry: '有効期限', cvc: 'セキュリティコード' },
}

/** Clicks into each field and types it as a person does; the page shapes the number and expiry as typed. */
export async function typeCard(checkout: Page, card: TypedCard, labels = CARD_LABELS.en): Promise<void> {
  const fields: [string, string][] = [
    [labels.name, card.name],
    [labels.number, card.number],
    [labels.expiry, card.expiry],
    [labels.cvc, card.cvc],
  ]
  for (const [label, value] of fields) {
    const field = checkout.getByLabel(label, { exact: true })
    await field.click()
    await field.pressSequentially(value)
  }
}

/** What each card field holds now. */
export async function cardValues(checkout: Page): Promise<TypedCard> {
  const value = (label: string) => checkout.getByLabel(label, { exact: true }).inputValue()
  return {
    name: await value('Name on card'),
    number: await value('Card number'),
    expiry: await value('Expiry'),
    cvc: await value('CVC'),
  }
}

/** The page's main button (Pay …); `name` is its exact label. */
export function payButton(checkout: Page, name: string): Locator {
  return checkout.getByRole('button', { name, exact: true })
}

/** The outcome panel under a heading (the receipt, the unknown status, …). */
export function outcome(checkout: Page, heading: string): Locator {
  return checkout.locator('section.outcome').filter({ has: checkout.getByRole('heading', { name: heading }) })
}

/** The receipt's rows ("Amount" → "$24.50", …) under an outcome, as the payer reads them. */
export async function receiptRows(panel: Locator): Promise<Record<string, string>> {
  const rows: Record<string, string> = {}
  const terms = panel.locator('dl.receipt dt')
  for (let i = 0; i < (await terms.count()); i++) {
    const term = terms.nth(i)
    rows[squash(await term.textContent())] = squash(await term.locator('xpath=following-sibling::dd[1]').textContent())
  }
  return rows
}

/** A reference the reference gateway gives a charge attempt. */
export const REFERENCE = /^ch_[\w-]+$/

/**
 * Saves the checkout as `docs/screenshots/checkout-<state>.png` (the whole page, 480 px wide) when
 * `npm run screenshots` runs the tests; a plain test run leaves the committed pictures alone.
 */
export async function screenshot(checkout: Page, state: string): Promise<void> {
  if (!process.env.PAYCHAT_SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  // The caret blinks and the focus ring moves: neither belongs in a picture for the README.
  await checkout.screenshot({ path: `${SCREENSHOTS}/checkout-${state}.png`, fullPage: true, caret: 'hide', animations: 'disabled' })
}

/** What one test pays: a page of the shop, and its card's title. */
export interface Order {
  shop: Shop
  paymentPageId: string
  title: string
  transactionType?: TransactionType
}

/** The receipt after a payment, and the card in the chat saying the same card and reference. */
export async function expectPaid(
  checkout: Page,
  card: ChatCard,
  expected: { card: string; amount: string; chatSays: string },
): Promise<Record<string, string>> {
  const panel = outcome(checkout, 'Payment complete')
  await panel.waitFor()
  const rows = await receiptRows(panel)
  expect(rows).toMatchObject({ Amount: expected.amount, Card: expected.card })
  expect(rows.Reference).toMatch(REFERENCE)
  expect(rows.Paid).toMatch(/\d{4}, \d{1,2}:\d{2}/)
  expect(await textOf(panel)).toContain('The chat shows this payment too. You can close this window.')
  expect(await checkout.getByRole('button', { name: /^Pay / }).count()).toBe(0)

  await expect.poll(() => card.status()).toBe(expected.chatSays)
  expect(await textOf(card.locator.locator('p.pc-card-reference'))).toContain(rows.Reference!)
  expect(await card.buttons()).toEqual([])
  return rows
}
