import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import { operator } from './operator'
import { launchChromium, startStack, type Stack } from './stack'

/**
 * The two demo pages the reference server serves beside the shops: `/npm-app/`, a Preact app that
 * mounts the chat with the npm package's `createWidget`, and `/inline`, where the script tag renders
 * the chat inside an element of the page (`data-inline`). Each mounts one widget, and a message typed
 * there reaches the operator, whose reply comes back.
 */

let browser: Browser
let stack: Stack
let context: BrowserContext
let page: Page
let op: ReturnType<typeof operator>

beforeAll(async () => {
  browser = await launchChromium()
  stack = await startStack()
  op = operator(stack.apiBase)
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})
beforeEach(async () => {
  context = await browser.newContext()
  page = await context.newPage()
})
afterEach(async () => {
  await context?.close()
})

/** Types `text` in the chat's composer and waits for the server to have it; returns the conversation. */
async function say(text: string) {
  const composer = page.getByRole('textbox', { name: 'Message' })
  await composer.fill(text)
  await composer.press('Enter')
  await page.getByText(text).waitFor()
  await page.getByText('Sent').waitFor()
  return op.conversationWith(text)
}

test('/npm-app/: the Preact app mounts the widget, its button opens the chat, and a message goes both ways', async () => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${stack.apiBase}/npm-app/`)
  await page.getByRole('heading', { name: 'Hand grinder, ceramic burrs' }).waitFor()
  // The app's own status line, fed by the widget's `ready` event.
  await page.getByText('A roaster is online and happy to help.').waitFor()
  expect(await page.locator('paychat-widget').count()).toBe(1)

  await page.getByRole('button', { name: 'Ask about this grinder' }).click()
  await page.getByRole('dialog', { name: 'Acme Coffee' }).waitFor()
  await page.getByText('The chat is open.').waitFor()

  const conversation = await say('Does the grinder do espresso?')
  await op.reply(conversation.id, 'Yes, from click 4.')
  await page.getByRole('dialog').getByText('Yes, from click 4.').waitFor()
  // The app heard the `message` event too.
  await page.getByText('Last reply: “Yes, from click 4.”').waitFor()
  expect(errors).toEqual([])
})

test('/inline: the script tag renders the chat open inside #chat, with no floating launcher', async () => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${stack.apiBase}/inline`)
  const region = page.getByRole('region', { name: 'Acme Coffee', exact: true })
  await region.waitFor()
  expect(await page.locator('#chat > paychat-widget').count()).toBe(1)
  expect(await page.locator('paychat-widget').count()).toBe(1)
  expect(await page.getByRole('button', { name: 'Open chat' }).count()).toBe(0)

  // The chat fills the page's element rather than floating over the page.
  const slot = (await page.locator('#chat').boundingBox())!
  const chat = (await region.boundingBox())!
  expect(chat.x).toBeGreaterThanOrEqual(slot.x - 1)
  expect(chat.y).toBeGreaterThanOrEqual(slot.y - 1)
  expect(chat.x + chat.width).toBeLessThanOrEqual(slot.x + slot.width + 1)
  expect(chat.y + chat.height).toBeLessThanOrEqual(slot.y + slot.height + 1)
  expect(chat.height).toBeGreaterThan(slot.height * 0.9)

  const conversation = await say('Can I change my delivery address?')
  await op.reply(conversation.id, 'Of course, tell me the new one.')
  await region.getByText('Of course, tell me the new one.').waitFor()
  expect(errors).toEqual([])
})
