import type { Browser, Page } from 'playwright-core'
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

/** A page on another origin with the snippet, pasted twice, carrying `attributes`, plus `script` run after the stub. */
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
  const requests: string[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(stack.apiBase)) requests.push(new URL(request.url()).pathname)
  })
  await page.goto(stack.hostUrl)
  return { page, requests, stack }
}

/** Launcher geometry and paint, to compare the loader's stand-in with the widget's own launcher. */
function look(page: Page, name: string) {
  return page.getByRole('button', { name }).evaluate((el) => {
    const s = getComputedStyle(el)
    const box = el.getBoundingClientRect()
    return { box: [box.x, box.y, box.width, box.height], background: s.backgroundColor, radius: s.borderTopLeftRadius, shadow: s.boxShadow, color: s.color }
  })
}

test('data-defer-session: the loader draws the launcher and requests nothing more until the visitor interacts', async () => {
  // An explicit colour, so the brand's (once the session says it) does not repaint the launcher.
  const { page, requests } = await shopWith('data-widget-key="wk_demo" data-color="#0a7d4f" data-defer-session')
  // No hover zoom, so the geometry compared below is the resting one.
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const launcher = page.getByRole('button', { name: 'Open chat' })
  await launcher.waitFor()
  await page.waitForLoadState('load')
  await page.waitForTimeout(1500) // idle time comes and goes
  // The two identical tags share one download; nothing else was asked of the widget's origin.
  expect(new Set(requests)).toEqual(new Set(['/paychat.js']))
  expect(await page.locator('paychat-widget').count()).toBe(1)
  const before = await look(page, 'Open chat')

  // Pointing at the launcher is interest enough: the widget loads and takes over in place.
  await launcher.hover()
  await page.waitForRequest((r) => r.url().endsWith('/v1/sessions'))
  await expect.poll(() => requests.includes('/paychat-widget.js'), { timeout: 10_000 }).toBe(true)
  await page.mouse.move(0, 0)
  expect(await look(page, 'Open chat')).toEqual(before)
  expect(await page.locator('paychat-widget').count()).toBe(1)
})

test('a click on the loader\'s launcher loads the widget and opens the panel with the composer', async () => {
  const { page, requests } = await shopWith('data-widget-key="wk_demo" data-defer-session')
  await page.getByRole('button', { name: 'Open chat' }).click()
  await page.getByRole('dialog', { name: 'Acme Coffee' }).waitFor()
  await page.getByRole('textbox', { name: 'Message' }).waitFor()
  expect(requests.filter((path) => path === '/paychat-widget.js')).toHaveLength(1)
  expect(await page.locator('paychat-widget').count()).toBe(1)
})

test('without data-defer-session the widget loads on idle time after load, and only the visitor\'s catalog comes along', async () => {
  const { page, requests } = await shopWith('data-widget-key="wk_demo" data-locale="ja"')
  // Idle time comes when the machine has it: under a loaded CI runner that can take seconds.
  await expect.poll(() => requests.includes('/v1/sessions'), { timeout: 15_000 }).toBe(true)
  await page.getByRole('button', { name: 'チャットを開く' }).waitFor()
  expect(requests.filter((path) => path.startsWith('/paychat-widget'))).toEqual(['/paychat-widget.js', '/paychat-widget-ja.js'])
  expect(await page.locator('paychat-widget').count()).toBe(1)
})

test('data-locale, data-position and data-color shape the widget, and a second copy of the script adds nothing', async () => {
  const { page, requests } = await shopWith('data-widget-key="wk_demo" data-locale="es" data-position="left" data-color="#0a7d4f"')
  const launcher = page.getByRole('button', { name: 'Abrir chat' })
  await launcher.waitFor()
  expect(await page.locator('paychat-widget').count()).toBe(1)
  // Checked on the widget's launcher, once it has replaced the loader's (same look, tested above).
  await expect.poll(() => requests.includes('/v1/sessions'), { timeout: 10_000 }).toBe(true)
  const host = page.locator('paychat-widget')
  expect(await host.getAttribute('data-position')).toBe('left')
  expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(10, 125, 79)')
  const box = (await launcher.boundingBox())!
  expect(box.x).toBeLessThan(100)
  expect(await page.locator('paychat-widget').count()).toBe(1)
})

test('commands queued before the script loaded run once it has: open, then shutdown removes the widget', async () => {
  const { page } = await shopWith('data-widget-key="wk_sakura"', "Paychat('open');")
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
