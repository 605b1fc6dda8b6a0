/**
 * The widget with the keyboard alone, on a shop of another origin: Tab to the launcher, Enter opens a
 * labelled dialog with the focus in the composer, Enter sends, Pay now and Cancel on cards are reached
 * with Tab and pressed with Enter, Escape closes and the launcher has the focus again. Also what a
 * screen reader is told (polite live regions) and `prefers-reduced-motion`.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { operator } from './operator'
import { launchChromium, startStack, type Stack } from './stack'

let browser: Browser
let stack: Stack
let context: BrowserContext
let page: Page

beforeAll(async () => {
  ;[browser, stack] = await Promise.all([launchChromium(), startStack()])
  context = await browser.newContext()
  page = await context.newPage()
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await stack?.close()
})

/** What has the focus, looking into shadow roots: its role or tag, its name, and the card it is on. */
function focused(target: Page = page) {
  return target.evaluate(() => {
    let el = document.activeElement
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
    if (!el) return null
    const card = el.closest('article')
    const cardTitle = card && (el.getRootNode() as ShadowRoot).getElementById(card.getAttribute('aria-labelledby')!)
    return {
      tag: el.tagName.toLowerCase(),
      name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
      card: cardTitle ? cardTitle.id.replace('pc-card-', '') : null,
      inDialog: !!el.closest('[role=dialog]'),
    }
  })
}

/** Presses Tab (or Shift+Tab) until `want` has the focus; fails after `max` presses. */
async function tabTo(want: { name: string; card?: string }, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 20) {
  const seen: unknown[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key)
    const now = await focused()
    seen.push(now)
    if (now?.name === want.name && (want.card === undefined || now.card === want.card)) return
  }
  throw new Error(`${key} never reached ${JSON.stringify(want)}; it went through ${JSON.stringify(seen)}`)
}

test('keyboard only: open, send, Pay now, Cancel, close, and the focus is back on the launcher', async () => {
  const op = operator(stack.apiBase)
  await page.goto(stack.hostUrl)
  await page.getByRole('button', { name: 'Open chat' }).waitFor()

  await tabTo({ name: 'Open chat' })
  await page.keyboard.press('Enter')

  // A dialog named after the shop, with the focus in its composer.
  const dialog = page.getByRole('dialog', { name: 'Acme Coffee' })
  await dialog.waitFor()
  await expect.poll(() => focused()).toMatchObject({ tag: 'textarea', inDialog: true })
  await page.keyboard.type('Can I pay by card here?')
  await page.keyboard.press('Enter')
  await dialog.getByText('Can I pay by card here?').waitFor()
  expect(await focused()).toMatchObject({ tag: 'textarea' })

  const conversation = await op.conversationWith('Can I pay by card here?')
  const first = await op.shareCard(conversation.id, 'brand_acme', 'House blend, 1 kg')
  await dialog.locator(`article[aria-labelledby="pc-card-${first.id}"]`).getByRole('button', { name: 'Pay now' }).waitFor()
  const second = await op.shareCard(conversation.id, 'brand_acme', 'Espresso class')
  const secondCard = dialog.locator(`article[aria-labelledby="pc-card-${second.id}"]`)
  await secondCard.getByRole('button', { name: 'Cancel' }).waitFor()

  // From the composer, back up to the first card's Pay now; Enter opens the checkout window.
  await tabTo({ name: 'Pay now', card: first.id }, 'Shift+Tab')
  const opened = page.waitForEvent('popup')
  await page.keyboard.press('Enter')
  const checkout = await opened
  await checkout.waitForURL(/\/checkout\/cs_/)
  await checkout.close()
  await page.bringToFront()

  // Forward to the second card's Cancel; Enter cancels it and the card offers nothing more.
  await tabTo({ name: 'Cancel', card: second.id })
  await page.keyboard.press('Enter')
  await secondCard.getByText('You cancelled this payment.').waitFor()
  expect(await secondCard.getByRole('button').count()).toBe(0)

  // Escape closes the chat, and the launcher has the focus again.
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
  await expect.poll(() => focused()).toMatchObject({ tag: 'button', name: 'Open chat' })
})

test('the message list and each card’s state are polite live regions', async () => {
  await page.getByRole('button', { name: 'Open chat' }).click()
  const dialog = page.getByRole('dialog', { name: 'Acme Coffee' })
  const log = dialog.getByRole('log')
  expect(await log.getAttribute('aria-live')).toBe('polite')
  // A list of messages inside the log, each card a labelled article with one status region.
  expect(await log.getByRole('listitem').count()).toBeGreaterThan(0)
  const cards = dialog.getByRole('article')
  expect(await cards.count()).toBe(2)
  for (const card of await cards.all()) {
    const status = card.getByRole('status')
    expect(await status.count()).toBe(1)
    // role=status is polite by definition; nothing in the card overrides it.
    expect(await status.getAttribute('aria-live')).not.toBe('assertive')
  }
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
})

test('prefers-reduced-motion: reduce turns the widget’s transitions and animations off', async () => {
  const motion = () =>
    page.locator('paychat-widget').evaluate((host) => {
      const moving: string[] = []
      for (const el of host.shadowRoot!.querySelectorAll('*')) {
        const style = getComputedStyle(el)
        const longest = (list: string) => Math.max(...list.split(',').map((d) => parseFloat(d) || 0))
        if (longest(style.transitionDuration) > 0 || (style.animationName !== 'none' && longest(style.animationDuration) > 0))
          moving.push(`${el.tagName.toLowerCase()}.${el.className}`)
      }
      return moving
    })

  await page.getByRole('button', { name: 'Open chat' }).waitFor()
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  // The launcher does move for those who do not mind (so the check below checks something).
  expect(await motion()).toContain('button.pc-launcher')
  await page.emulateMedia({ reducedMotion: 'reduce' })
  expect(await motion()).toEqual([])
  // Open too: nothing in the panel moves.
  await page.getByRole('button', { name: 'Open chat' }).click()
  await page.getByRole('dialog').waitFor()
  expect(await motion()).toEqual([])
})
