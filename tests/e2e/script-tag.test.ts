import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchChromium, startStack, type Stack } from './stack'

let browser: Browser
const stacks: Stack[] = []

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await Promise.all(stacks.map((s) => s.close()))
})

/** A page on another origin with the snippet carrying `attributes`, plus `script` run after the stub. */
async function shopWith(attributes: string, script = '') {
  const stack = await startStack({
    hostPage: (apiBase) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body>
      <script>window.Paychat=window.Paychat||function(){(Paychat.q=Paychat.q||[]).push(arguments)};${script}</script>
      <script async src="${apiBase}/paychat.js" ${attributes}></script>
      <script async src="${apiBase}/paychat.js" ${attributes}></script>
    </body></html>`,
  })
  stacks.push(stack)
  const page = await browser.newPage()
  await page.goto(stack.hostUrl)
  return page
}

test('data-locale, data-position and data-color shape the widget, and a second copy of the script adds nothing', async () => {
  const page = await shopWith('data-widget-key="wk_demo" data-locale="es" data-position="left" data-color="#0a7d4f"')
  const launcher = page.getByRole('button', { name: 'Abrir chat' })
  await launcher.waitFor()
  expect(await page.locator('paychat-widget').count()).toBe(1)
  const host = page.locator('paychat-widget')
  expect(await host.getAttribute('data-position')).toBe('left')
  expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(10, 125, 79)')
  const box = (await launcher.boundingBox())!
  expect(box.x).toBeLessThan(100)
})

test('commands queued before the script loaded run once it has: open, then shutdown removes the widget', async () => {
  const page = await shopWith('data-widget-key="wk_sakura"', "Paychat('open');")
  await page.getByRole('dialog', { name: 'Sakura Tea' }).waitFor()
  // No data-locale: the page's lang="en" wins over the brand's Japanese.
  await page.getByRole('button', { name: 'Close chat' }).waitFor()
  await page.evaluate(() => (window as unknown as { Paychat(c: string): void }).Paychat('shutdown'))
  await page.locator('paychat-widget').waitFor({ state: 'detached' })
  expect(await page.evaluate(() => typeof (window as unknown as { Paychat: unknown }).Paychat)).toBe('function')
})

test('a script tag without data-widget-key explains what is missing and renders nothing', async () => {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  const stack = await startStack({
    hostPage: (apiBase) => `<!doctype html><html><body><script src="${apiBase}/paychat.js"></script></body></html>`,
  })
  stacks.push(stack)
  await page.goto(stack.hostUrl)
  await page.waitForLoadState('load')
  expect(await page.locator('paychat-widget').count()).toBe(0)
  expect(errors.join('\n')).toContain('data-widget-key')
})
