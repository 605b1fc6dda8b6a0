/**
 * Regenerates the README's screenshots: the demo shop with the widget, a card, the hosted checkout,
 * and the paid card, driven as a visitor and an operator would; then one picture of a card in each
 * state (`card-<state>.png`, cropped to the card), and the widget in dark mode and on a phone
 * (`widget-dark.png`, `widget-phone.png`). `npm run build` first.
 */
import { resolve } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import type { PaymentRequest, PaymentRequestStatus, TransactionType } from '../src/protocol/types'
import { operator } from '../tests/e2e/operator'
import { launchChromium, OPERATOR_TOKEN, startStack } from '../tests/e2e/stack'

const out = resolve(import.meta.dirname, '../docs/screenshots')
/** Neither the caret nor a transition half way belongs in a picture for the README. */
const still = { caret: 'hide', animations: 'disabled' } as const
const stack = await startStack({ hostPage: () => '' })
const browser = await launchChromium()
try {
  const op = operator(stack.apiBase)
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
  await page.goto(`${stack.apiBase}/`)
  await page.getByRole('button', { name: 'Open chat' }).click()
  const composer = page.getByRole('textbox', { name: 'Message' })
  await composer.fill('Hi! Can I order the house blend here?')
  await composer.press('Enter')
  await page.getByText('Sent').waitFor()
  const conversation = await op.conversationWith('Hi! Can I order the house blend here?')
  await op.reply(conversation.id, 'Of course — here is a payment link for it.')
  const houseBlend = await op.shareCard(conversation.id, 'brand_acme', 'House blend, 1 kg')
  const card = page.getByRole('article', { name: 'House blend, 1 kg' })
  await card.getByRole('button', { name: 'Pay now' }).waitFor()
  await page.screenshot({ path: `${out}/widget-card-pending.png` })
  await cardShot(houseBlend, 'pending', 'pending')

  const popup = page.waitForEvent('popup')
  await card.getByRole('button', { name: 'Pay now' }).click()
  const checkout = await popup
  await checkout.setViewportSize({ width: 900, height: 800 })
  await checkout.getByLabel('Card number').waitFor()
  await cardShot(houseBlend, 'checkout_open', 'checkout-open')
  await checkout.getByLabel('Name on card').fill('Ada Lovelace')
  await checkout.getByLabel('Card number').fill('4242 4242 4242 4242')
  await checkout.getByLabel('Expiry').fill('12/34')
  await checkout.getByLabel('CVC').fill('123')
  await checkout.screenshot({ path: `${out}/checkout.png`, ...still })
  await checkout.getByRole('button', { name: 'Pay $24.50', exact: true }).click()
  await checkout.getByText('•••• 4242').waitFor()
  await checkout.screenshot({ path: `${out}/checkout-paid.png`, ...still })

  await card.getByText(/Paid with/).waitFor()
  await page.screenshot({ path: `${out}/widget-card.png` })
  await cardShot(houseBlend, 'paid', 'paid')
  await checkout.close()

  // The same chat, paid card in view, as a visitor whose system is dark sees it, then on a phone.
  await page.emulateMedia({ colorScheme: 'dark' })
  await settle(page)
  await page.screenshot({ path: `${out}/widget-dark.png`, ...still })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 375, height: 667 })
  await settle(page)
  await card.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${out}/widget-phone.png`, ...still })
  await page.setViewportSize({ width: 1200, height: 800 })
  await settle(page)

  // One new card per state, each shared in the same chat and pictured as soon as it shows the state.
  const declined = await share('pp_house_blend')
  await pay(await openCheckout(declined), '4000000000000002')
  await cardShot(declined, 'failed', 'failed')

  const unknown = await share('pp_house_blend')
  await pay(await openCheckout(unknown), '4000000000000119')
  await cardShot(unknown, 'unknown', 'unknown')

  const cancelled = await share('pp_house_blend')
  await cardOf(cancelled).getByRole('button', { name: 'Cancel', exact: true }).click()
  await cardShot(cancelled, 'declined', 'cancelled')

  const withdrawn = await share('pp_house_blend')
  await cardOf(withdrawn).getByRole('button', { name: 'Pay now', exact: true }).waitFor()
  await op.revoke(withdrawn.id)
  await cardShot(withdrawn, 'revoked', 'withdrawn')

  const hold = await share('pp_house_blend', 'authorize')
  await pay(await openCheckout(hold), '4242424242424242')
  await cardShot(hold, 'authorized', 'authorized')

  const saved = await share('pp_house_blend', 'save_card')
  await pay(await openCheckout(saved, 'Save card'), '4242424242424242')
  await cardShot(saved, 'card_saved', 'saved')

  const split = await share('pp_house_blend')
  await pay(await openCheckout(split), '4242424242424242', 1000)
  await cardOf(split).getByText(/\$10\.00 of \$24\.50 paid/).waitFor()
  await cardShot(split, 'checkout_open', 'part-paid')

  const club = await share('pp_coffee_club')
  await pay(await openCheckout(club), '4242424242424242')
  await cardOf(club).getByText(/^Next payment on /).waitFor()
  await cardShot(club, 'paid', 'subscription')

  // Last, as moving the clock a day on expires every card still waiting to be paid.
  const expired = await share('pp_house_blend')
  await cardOf(expired).getByRole('button', { name: 'Pay now', exact: true }).waitFor()
  await api('POST', '/v1/mock/clock', { advanceMs: 90_000_000 })
  await cardShot(expired, 'expired', 'expired')

  console.log(`screenshots written to ${out}`)

  /** The operator shares a payment page in the chat (what the console's share button calls). */
  async function share(paymentPageId: string, transactionType?: TransactionType): Promise<PaymentRequest> {
    const request = await api<PaymentRequest>('POST', `/v1/operator/conversations/${conversation.id}/payment-requests`, {
      paymentPageId,
      ...(transactionType ? { transactionType } : {}),
    })
    await cardOf(request).waitFor()
    return request
  }

  /** The visitor presses the card's Pay now (or Save card); the checkout session the window opened. */
  async function openCheckout(request: PaymentRequest, label = 'Pay now'): Promise<{ id: string; tab: Page }> {
    const opened = page.waitForEvent('popup')
    await cardOf(request).getByRole('button', { name: label, exact: true }).click()
    const tab = await opened
    await tab.waitForURL(/\/checkout\/cs_/)
    const id = /\/checkout\/(cs_[^/?#]+)/.exec(tab.url())![1]!
    await page.locator(`article.pc-card-checkout_open[aria-labelledby="pc-card-${request.id}"]`).waitFor()
    return { id, tab }
  }

  /** Pays the open checkout with a test card through the checkout API, then closes its window. */
  async function pay(session: { id: string; tab: Page }, number: string, amount?: number): Promise<void> {
    const card = { name: 'Ada Lovelace', number, expMonth: 12, expYear: 2099, cvc: '123', ...(amount ? { amount } : {}) }
    await api('POST', `/v1/checkout/sessions/${session.id}/pay`, card, { 'idempotency-key': crypto.randomUUID() })
    await session.tab.close()
  }

  function cardOf(request: PaymentRequest): Locator {
    return page.locator(`article[aria-labelledby="pc-card-${request.id}"]`)
  }

  /** Waits for the card to show `status`, then saves it alone as `card-<name>.png`. */
  async function cardShot(request: PaymentRequest, status: PaymentRequestStatus, name: string): Promise<void> {
    const shown = page.locator(`article.pc-card-${status}[aria-labelledby="pc-card-${request.id}"]`)
    await shown.waitFor()
    await shown.scrollIntoViewIfNeeded()
    await settle(page)
    await shown.screenshot({ path: `${out}/card-${name}.png`, ...still })
  }
} finally {
  await browser.close()
  await stack.close()
}

async function api<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${stack.apiBase}${path}`, {
    method,
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** Two frames, so a layout or colour change has been painted before the picture. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
}
