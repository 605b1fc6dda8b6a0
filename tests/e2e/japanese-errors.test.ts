import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchChromium, startStack, type Stack } from './stack'

/**
 * A Japanese visitor (data-locale="ja") whose chat cannot reach the API, and then has a message
 * refused, reads every word of the panel in Japanese: the store's reasons and the server's refusals
 * come out of the catalog, never as the server's English sentence.
 */
let browser: Browser
let stack: Stack
let context: BrowserContext
let page: Page

const BRAND = 'Sakura Tea'
/** What the server says when it refuses the message, in English: it must never reach the panel. */
const SERVER_SENTENCE = 'A message has at most 4000 characters once trimmed.'

beforeAll(async () => {
  browser = await launchChromium()
  stack = await startStack({
    hostPage: (apiBase) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>桜茶園</title></head>
<body>
  <h1>桜茶園</h1>
  <script async src="${apiBase}/paychat.js" data-widget-key="wk_sakura" data-locale="ja"></script>
</body></html>`,
  })
  context = await browser.newContext()
  page = await context.newPage()
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await stack?.close()
})

const panel = () => page.getByRole('dialog')

/** The panel's visible text, the brand's own name taken out: what is left must hold no Latin letter. */
async function latinIn(): Promise<string[]> {
  const text = (await panel().innerText()).replaceAll(BRAND, '')
  return text.match(/[A-Za-z][A-Za-z'’ .,:]*/g) ?? []
}

test('with the API unreachable, the panel says so in Japanese and a message typed meanwhile waits', async () => {
  // The widget's files load; every API call fails as a refused connection would.
  await page.route(`${stack.apiBase}/v1/**`, (route) => route.abort('connectionrefused'))
  await page.goto(stack.hostUrl)
  await page.getByRole('button', { name: 'チャットを開く' }).click()

  const alert = panel().getByRole('alert')
  await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('オフラインのようです。接続を確認してから、もう一度お試しください。')
  const composer = panel().getByRole('textbox', { name: 'メッセージ' })
  await composer.fill('煎茶は届きますか？')
  await composer.press('Enter')
  await panel().getByText('送信待ち').waitFor()
  expect(await latinIn()).toEqual([])
})

test('back online, the server refuses the message (422 message_too_long): the reason is the catalog\'s, in Japanese', async () => {
  await page.unroute(`${stack.apiBase}/v1/**`)
  await page.route(`${stack.apiBase}/v1/conversations/*/messages`, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 422, json: { error: { code: 'message_too_long', message: SERVER_SENTENCE, field: 'text' } } })
      : route.fallback(),
  )
  await panel().getByRole('button', { name: '再試行' }).first().click()

  const refused = panel().getByRole('alert')
  await expect.poll(() => refused.textContent(), { timeout: 15_000 }).toContain('送信失敗: メッセージが長すぎます。短くしてください。')
  await panel().getByText('こんにちは！お茶のことなら何でもお聞きください。').waitFor()
  expect(await panel().innerText()).not.toContain(SERVER_SENTENCE)
  expect(await latinIn()).toEqual([])
})
