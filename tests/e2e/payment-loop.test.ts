import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { operator } from './operator'
import { launchChromium, startStack, type Stack } from './stack'

let browser: Browser
let stack: Stack
let context: BrowserContext
let page: Page
let op: ReturnType<typeof operator>

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  stack = await startStack()
  op = operator(stack.apiBase)
  context = await browser.newContext()
  page = await context.newPage()
})
afterEach(async () => {
  await context?.close()
  await stack?.close()
})

/** Opens the widget on the shop page, says something, and returns the conversation the operator sees. */
async function startChat(text: string) {
  await page.goto(stack.hostUrl)
  await page.getByRole('button', { name: 'Open chat' }).click()
  const composer = page.getByRole('textbox', { name: 'Message' })
  await expect.poll(() => composer.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true)
  await composer.fill(text)
  await composer.press('Enter')
  await page.getByText(text).waitFor()
  return op.conversationWith(text)
}

function card(title: string) {
  return page.getByRole('article', { name: title })
}

async function shareHouseBlend(conversationId: string) {
  const request = await op.shareCard(conversationId, 'brand_acme', 'House blend, 1 kg')
  await card('House blend, 1 kg').getByRole('button', { name: 'Pay now' }).waitFor()
  return request
}

async function payInPopup(number: string): Promise<Page> {
  const popupOpened = page.waitForEvent('popup')
  await card('House blend, 1 kg').getByRole('button', { name: 'Pay now' }).click()
  const checkout = await popupOpened
  await checkout.waitForURL(/\/checkout\/cs_/)
  await fillCard(checkout, number)
  return checkout
}

async function fillCard(checkout: Page, number: string) {
  await checkout.getByLabel('Name on card').fill('Ada Lovelace')
  await checkout.getByLabel('Card number').fill(number)
  await checkout.getByLabel('Expiry').fill('12/34')
  await checkout.getByLabel('CVC').fill('123')
  await checkout.getByRole('button', { name: 'Pay $24.50' }).click()
}

describe('a visitor on another origin', () => {
  test('chats with the operator, gets a card, pays it with 4242 and sees it paid', async () => {
    const conversation = await startChat('Hello! Do you ship to Lisbon?')
    await page.getByText('Sent').waitFor()

    await op.reply(conversation.id, 'We do — 3 days. Want the house blend?')
    await page.getByText('We do — 3 days. Want the house blend?').waitFor()

    await shareHouseBlend(conversation.id)
    const shown = card('House blend, 1 kg')
    expect(await shown.textContent()).toContain('$24.50')
    expect(await shown.getByRole('button').allTextContents()).toEqual(['Pay now', 'Cancel'])

    const checkout = await payInPopup('4242 4242 4242 4242')
    await checkout.getByText('•••• 4242').waitFor()

    await shown.getByText(/Paid with Visa •••• 4242/).waitFor()
    expect(await shown.getByRole('button').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { hostEvents: string[] }).hostEvents)).toEqual(
      expect.arrayContaining(['ready', 'open', 'message', 'payment:opened', 'payment:paid']),
    )
  })

  test('the checkout’s hint to refetch the card reaches the shop page whose Pay now opened it', async () => {
    const conversation = await startChat('Only hints, please')
    await page.evaluate(() => {
      const seen: unknown[] = ((window as unknown as { hints: unknown[] }).hints = [])
      window.addEventListener('message', (event) => seen.push({ origin: event.origin, data: event.data }))
    })
    const shared = await shareHouseBlend(conversation.id)
    const checkout = await payInPopup('4242 4242 4242 4242')
    await checkout.getByText('•••• 4242').waitFor()

    await card('House blend, 1 kg').getByText(/Paid with Visa •••• 4242/).waitFor()
    const hints = await page.evaluate(() => (window as unknown as { hints: unknown[] }).hints)
    expect(hints).toContainEqual({ origin: stack.apiBase, data: { type: 'paychat:checkout', paymentRequestId: shared.id } })
  })

  test('a declined card says why, and Pay now again pays through a new attempt', async () => {
    const conversation = await startChat('Can I pay by card?')
    await shareHouseBlend(conversation.id)
    const shown = card('House blend, 1 kg')

    const checkout = await payInPopup('4000 0000 0000 0002')
    await checkout.getByText(/declined/i).first().waitFor()
    await shown.getByText(/declined/i).waitFor()
    await checkout.close()

    expect(await shown.getByRole('button').allTextContents()).toContain('Pay now')
    const retry = await payInPopup('4242 4242 4242 4242')
    await retry.getByText('•••• 4242').waitFor()
    await shown.getByText(/Paid with Visa •••• 4242/).waitFor()
  })

  test('a technical failure leaves the card unknown, with nothing to pay again anywhere', async () => {
    const conversation = await startChat('Paying now')
    await shareHouseBlend(conversation.id)
    const shown = card('House blend, 1 kg')

    const checkout = await payInPopup('4000 0000 0000 0119')
    await checkout.getByText('Do not resubmit: the payment status is unknown.').first().waitFor()
    expect(await checkout.getByRole('button', { name: /^Pay / }).count()).toBe(0)
    await shown.getByText('We’re confirming the payment status. Don’t pay again.').waitFor()
    expect(await shown.getByRole('button').count()).toBe(0)
  })

  test('Pay now from a second tab of the same visitor reaches the same checkout session', async () => {
    const conversation = await startChat('Two tabs open')
    await shareHouseBlend(conversation.id)
    const secondTab = await context.newPage()
    await secondTab.goto(stack.hostUrl)
    await secondTab.getByRole('button', { name: 'Open chat' }).click()

    const urls: string[] = []
    for (const tab of [page, secondTab]) {
      const popupOpened = tab.waitForEvent('popup')
      await tab.getByRole('article', { name: 'House blend, 1 kg' }).getByRole('button', { name: /Pay now|Reopen checkout/ }).click()
      const popup = await popupOpened
      await popup.waitForURL(/\/checkout\/cs_/)
      urls.push(popup.url())
    }
    expect(urls[1]).toBe(urls[0])
  })

  test('the visitor cancels the card and it offers nothing more', async () => {
    const conversation = await startChat('Actually, not today')
    await shareHouseBlend(conversation.id)
    const shown = card('House blend, 1 kg')

    await shown.getByRole('button', { name: 'Cancel' }).click()
    await shown.getByText('You cancelled this payment.').waitFor()
    expect(await shown.getByRole('button').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { hostEvents: string[] }).hostEvents)).toContain(
      'payment:declined',
    )
  })

  test('the operator revokes a card while it is shown and its open checkout refuses payment', async () => {
    const conversation = await startChat('Please send the link')
    const request = await shareHouseBlend(conversation.id)
    const shown = card('House blend, 1 kg')

    const popupOpened = page.waitForEvent('popup')
    await shown.getByRole('button', { name: 'Pay now' }).click()
    const checkout = await popupOpened
    await checkout.getByLabel('Card number').waitFor()

    await op.revoke(request.id)
    await shown.getByText(/Withdrawn/).waitFor()
    expect(await shown.getByRole('button').count()).toBe(0)

    await fillCard(checkout, '4242 4242 4242 4242')
    await checkout.getByText(/no longer/i).first().waitFor()
  })

  test('a reload keeps the conversation and live events still arrive', async () => {
    const conversation = await startChat('Remember me?')
    await page.getByText('Sent').waitFor()
    await page.reload()
    await page.getByRole('button', { name: 'Open chat' }).click()
    await page.getByText('Remember me?').waitFor()

    await op.reply(conversation.id, 'Of course.')
    await page.getByText('Of course.').waitFor()
    const { conversations } = await fetch(`${stack.apiBase}/v1/operator/conversations`, {
      headers: { authorization: 'Bearer op_demo' },
    }).then((r) => r.json() as Promise<{ conversations: unknown[] }>)
    expect(conversations).toHaveLength(1)
  })
})
