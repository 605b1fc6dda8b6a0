/**
 * axe-core on the operator console (WCAG 2.x A/AA and best practices, colour contrast included): the
 * list, a conversation with a paid card and a pending one, and its transaction history open.
 */
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { axe, describeViolations } from './axe'
import { operator } from './operator'
import { launchChromium, startStack, type Stack } from './stack'

let browser: Browser
let stack: Stack
let context: BrowserContext

beforeAll(async () => {
  ;[browser, stack] = await Promise.all([launchChromium(), startStack({ hostPage: () => '' })])
  context = await browser.newContext()
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await stack?.close()
})

test('the console has no axe violations with a conversation, its cards and the transaction history open', async () => {
  const op = operator(stack.apiBase)
  const found: Record<string, string[]> = {}
  const scan = async (state: string) => {
    const violations = await axe(console)
    if (violations.length) found[state] = describeViolations(violations)
  }

  // A visitor says something on Acme Coffee's demo shop; the operator shares two cards and one is paid.
  const visitor = await context.newPage()
  await visitor.goto(`${stack.apiBase}/`)
  await visitor.getByRole('button', { name: 'Open chat' }).click()
  const composer = visitor.getByRole('textbox', { name: 'Message' })
  await composer.fill('Do you ship to Lisbon?')
  await composer.press('Enter')
  const conversation = await op.conversationWith('Do you ship to Lisbon?')
  await op.reply(conversation.id, 'We do, in three days.')
  const paid = await op.shareCard(conversation.id, 'brand_acme', 'House blend, 1 kg')
  await op.shareCard(conversation.id, 'brand_acme', 'Espresso class')
  const card = visitor.locator(`article[aria-labelledby="pc-card-${paid.id}"]`)
  const opened = visitor.waitForEvent('popup')
  await card.getByRole('button', { name: 'Pay now' }).click()
  const checkout = await opened
  await checkout.getByLabel('Name on card').fill('Ada Lovelace')
  await checkout.getByLabel('Card number').fill('4242 4242 4242 4242')
  await checkout.getByLabel('Expiry').fill('12/34')
  await checkout.getByLabel('CVC').fill('123')
  await checkout.getByRole('button', { name: 'Pay $24.50' }).click()
  await card.getByText(/^Paid with/).waitFor()
  await checkout.close()

  const console = await context.newPage()
  await console.goto(`${stack.apiBase}/operator`)
  await console.getByText('Live').waitFor()
  await console.getByRole('button', { name: /Espresso class|Do you ship to Lisbon\?/ }).first().waitFor()
  await scan('conversation list')

  await console.getByRole('button', { name: /Espresso class|Do you ship to Lisbon\?/ }).first().click()
  await console.getByRole('article', { name: 'House blend, 1 kg' }).waitFor()
  await console.getByRole('article', { name: 'Espresso class' }).waitFor()
  await scan('conversation with cards')

  await console.getByRole('button', { name: /^Transaction history/ }).click()
  await console.locator('#history-body table, #history-body').first().waitFor()
  await expect.poll(() => console.getByRole('button', { name: /^Transaction history/ }).getAttribute('aria-expanded')).toBe('true')
  await console.getByRole('table').first().waitFor()
  await scan('transaction history open')

  expect(found).toEqual({})
})
