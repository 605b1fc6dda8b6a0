import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Message } from '../../src/protocol/types'
import { operator } from './operator'
import { launchChromium, OPERATOR_TOKEN, startStack, type Stack } from './stack'

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

test('offline mid-conversation: three messages typed, a reload, back online, all three delivered once and in order', async () => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const network = await context.newCDPSession(page)
  await network.send('Network.enable')
  const setOffline = (offline: boolean) =>
    network.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })

  await page.goto(stack.hostUrl)
  await page.getByRole('button', { name: 'Open chat' }).click()
  const composer = page.getByRole('textbox', { name: 'Message' })
  await composer.fill('Before the tunnel')
  await composer.press('Enter')
  await page.getByText('Sent').waitFor()
  const conversation = await operator(stack.apiBase).conversationWith('Before the tunnel')

  await setOffline(true)
  for (const text of ['first offline', 'second offline', 'third offline']) {
    await composer.fill(text)
    await composer.press('Enter')
  }
  // The composer never blocks, and the messages say they wait.
  await expect.poll(() => page.getByText('Waiting to send').count()).toBeGreaterThan(0)
  expect(await composer.isEnabled()).toBe(true)

  // A reload while offline fails; the messages live on in the page's storage.
  await page.reload().catch(() => {})
  await setOffline(false)
  await page.goto(stack.hostUrl)
  await page.getByRole('button', { name: 'Open chat' }).click()
  for (const text of ['first offline', 'second offline', 'third offline']) await page.getByText(text).waitFor()
  await expect.poll(() => page.getByText('Waiting to send').count(), { timeout: 10_000 }).toBe(0)

  const res = await fetch(`${stack.apiBase}/v1/operator/conversations/${conversation.id}/messages`, {
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
  })
  const { messages } = (await res.json()) as { messages: Message[] }
  expect(messages.map((m) => m.text)).toEqual(['Before the tunnel', 'first offline', 'second offline', 'third offline'])
  await context.close()
})
