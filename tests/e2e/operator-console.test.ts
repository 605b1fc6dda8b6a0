import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import { launchChromium, startStack, type Stack } from './stack'

let browser: Browser
let stack: Stack
let context: BrowserContext

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  stack = await startStack()
  context = await browser.newContext()
})
afterEach(async () => {
  await context?.close()
  await stack?.close()
})

test('the operator console sees a new visitor live, replies, shares a card and revokes it', async () => {
  const console = await context.newPage()
  await console.goto(`${stack.apiBase}/operator`)
  await console.getByText('Live').waitFor()

  const visitor = await context.newPage()
  await visitor.goto(stack.hostUrl)
  await visitor.getByRole('button', { name: 'Open chat' }).click()
  await visitor.getByRole('textbox', { name: 'Message' }).fill('Is the espresso class on Saturday?')
  await visitor.getByRole('textbox', { name: 'Message' }).press('Enter')

  await console.getByRole('button', { name: /Is the espresso class on Saturday\?/ }).click()
  await console.getByRole('textbox', { name: 'Reply' }).fill('Yes, at 10:00. Shall I book you in?')
  await console.getByRole('button', { name: 'Send reply' }).click()
  await visitor.getByText('Yes, at 10:00. Shall I book you in?').waitFor()

  await console.getByRole('combobox', { name: 'Payment page' }).selectOption('pp_espresso_class')
  await console.getByRole('button', { name: 'Share payment card' }).click()
  const widgetCard = visitor.getByRole('article', { name: 'Espresso class' })
  await widgetCard.getByRole('button', { name: 'Pay now' }).waitFor()
  expect(await widgetCard.textContent()).toContain('$89.00')

  const consoleCard = console.getByRole('article', { name: 'Espresso class' })
  await consoleCard.getByRole('button', { name: 'Revoke' }).click()
  await widgetCard.getByText('Withdrawn by Acme Coffee').waitFor()
  expect(await widgetCard.getByRole('button').count()).toBe(0)
  await consoleCard.getByRole('button', { name: 'Revoke' }).waitFor({ state: 'detached' })
})
