import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { operator } from './operator'
import { launchChromium, startStack, type Stack } from './stack'

let browser: Browser
let stack: Stack

beforeAll(async () => {
  browser = await launchChromium()
  stack = await startStack()
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

/** Counts the event-stream requests a page makes. */
function countStreams(page: Page) {
  let streams = 0
  page.on('request', (request) => {
    if (/\/v1\/conversations\/[^/]+\/events/.test(request.url())) streams++
  })
  return () => streams
}

async function openChat(page: Page) {
  await page.goto(stack.hostUrl)
  await page.getByRole('button', { name: 'Open chat' }).click()
  await page.getByRole('textbox', { name: 'Message' }).waitFor()
}

test('two tabs of one visitor: one stream between them, the same thread in both, and a takeover when the leader closes', async () => {
  const context = await browser.newContext()
  const first = await context.newPage()
  const firstStreams = countStreams(first)
  await openChat(first)
  await first.getByRole('textbox', { name: 'Message' }).fill('Hello from tab one')
  await first.getByRole('textbox', { name: 'Message' }).press('Enter')
  await first.getByText('Sent').waitFor()
  const op = operator(stack.apiBase)
  const conversation = await op.conversationWith('Hello from tab one')

  const second = await context.newPage()
  const secondStreams = countStreams(second)
  await openChat(second)
  await second.getByText('Hello from tab one').waitFor()

  await op.reply(conversation.id, 'One reply, seen in both tabs')
  for (const page of [first, second]) {
    await page.getByText('One reply, seen in both tabs').waitFor()
    expect(await page.getByText('One reply, seen in both tabs').count()).toBe(1)
  }
  expect(firstStreams()).toBeGreaterThan(0)
  expect(secondStreams()).toBe(0)

  // The card, and its state, are the same in both.
  await op.shareCard(conversation.id, 'brand_acme', 'House blend, 1 kg')
  for (const page of [first, second]) await page.getByRole('article', { name: 'House blend, 1 kg' }).waitFor()

  await first.close()
  await expect.poll(secondStreams, { timeout: 10_000 }).toBeGreaterThan(0)
  await op.reply(conversation.id, 'Still here after the first tab closed')
  await second.getByText('Still here after the first tab closed').waitFor()
  await context.close()
})
