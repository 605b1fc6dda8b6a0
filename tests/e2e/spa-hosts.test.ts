import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { operator } from './operator'
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

/**
 * A single-page app: a router that swaps the content of `#app` on pushState, replaceState and
 * popstate, as React Router or Vue Router do, with the snippet pasted once in the shell.
 */
async function spaWith(attributes: string) {
  const stack = await startStack({
    hostPage: (apiBase) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SPA shop</title></head><body>
      <nav><a href="/shop" data-route>Home</a> <a href="/shop/beans" data-route>Beans</a> <a href="/shop/cart" data-route>Cart</a></nav>
      <main id="app"></main>
      <script>
        window.Paychat=window.Paychat||function(){(Paychat.q=Paychat.q||[]).push(arguments)};
        function render() {
          var app = document.getElementById('app');
          app.replaceChildren();
          var h1 = document.createElement('h1');
          h1.textContent = 'Page ' + location.pathname;
          app.append(h1);
        }
        window.navigate = function (path, replace) { history[replace ? 'replaceState' : 'pushState']({}, '', path); render() };
        addEventListener('popstate', render);
        document.addEventListener('click', function (e) {
          var a = e.target.closest && e.target.closest('a[data-route]');
          if (a) { e.preventDefault(); navigate(a.getAttribute('href')) }
        });
        render();
      </script>
      <script async src="${apiBase}/paychat.js" ${attributes}></script>
    </body></html>`,
  })
  stacks.push(stack)
  const page = await browser.newPage()
  const requests: string[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(stack.apiBase)) requests.push(`${request.method()} ${new URL(request.url()).pathname}`)
  })
  let loads = 0
  page.on('load', () => loads++)
  await page.goto(stack.hostUrl)
  return { page, requests, stack, loads: () => loads }
}

test('client-side navigation keeps one widget, the open conversation and its event stream', async () => {
  const { page, requests, stack, loads } = await spaWith('data-widget-key="wk_demo" data-defer-session')
  await page.getByRole('button', { name: 'Open chat' }).click()
  const dialog = page.getByRole('dialog', { name: 'Acme Coffee' })
  await dialog.waitFor()
  await page.getByRole('textbox', { name: 'Message' }).fill('Do you ship beans?')
  await page.keyboard.press('Enter')
  const conversation = await operator(stack.apiBase).conversationWith('Do you ship beans?')

  await page.getByRole('link', { name: 'Beans' }).click()
  await page.getByRole('heading', { name: 'Page /shop/beans' }).waitFor()
  await page.evaluate(() => (window as unknown as { navigate(path: string, replace?: boolean): void }).navigate('/shop/cart', true))
  await page.getByRole('link', { name: 'Home' }).click()
  await page.goBack()
  await page.getByRole('heading', { name: 'Page /shop/cart' }).waitFor()
  await page.goForward()
  await page.getByRole('heading', { name: 'Page /shop' }).waitFor()

  // The stream opened before the navigation still delivers: the operator's answer shows in the open chat.
  await operator(stack.apiBase).reply(conversation.id, 'Yes, worldwide.')
  await dialog.getByText('Yes, worldwide.').waitFor()
  await expect.poll(() => dialog.getByText('Do you ship beans?').count()).toBe(1)
  expect(await dialog.isVisible()).toBe(true)
  expect(await page.locator('paychat-widget').count()).toBe(1)
  expect(requests.filter((r) => r === 'POST /v1/sessions')).toHaveLength(1)
  expect(requests.filter((r) => r.endsWith('/events'))).toHaveLength(1)
  expect(requests.filter((r) => r.endsWith('/paychat.js'))).toHaveLength(1)
  expect(loads()).toBe(1)
})

test('shutdown then boot (logout, login): a new visitor, a new conversation without the old messages, one widget', async () => {
  const { page, requests, stack } = await spaWith('data-widget-key="wk_demo" data-defer-session')
  await page.getByRole('button', { name: 'Open chat' }).click()
  await page.getByRole('textbox', { name: 'Message' }).fill('I am the first visitor')
  await page.keyboard.press('Enter')
  const first = await operator(stack.apiBase).conversationWith('I am the first visitor')
  const stored = await page.evaluate(() => localStorage.getItem('paychat:wk_demo:session'))
  expect(stored).toContain('st_')

  await page.evaluate(() => (window as unknown as { Paychat(...args: unknown[]): void }).Paychat('shutdown'))
  expect(await page.locator('paychat-widget').count()).toBe(0)
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('paychat:wk_demo:')))).toEqual([])

  await page.evaluate(() => {
    const w = window as unknown as { Paychat(...args: unknown[]): void }
    w.Paychat('boot')
    w.Paychat('open')
  })
  const dialog = page.getByRole('dialog', { name: 'Acme Coffee' })
  await dialog.waitFor()
  await page.getByRole('textbox', { name: 'Message' }).waitFor()
  await expect.poll(() => requests.filter((r) => r === 'POST /v1/sessions').length).toBe(2)
  await page.getByRole('textbox', { name: 'Message' }).fill('I am the second visitor')
  await page.keyboard.press('Enter')
  const second = await operator(stack.apiBase).conversationWith('I am the second visitor')
  expect(second.id).not.toBe(first.id)
  expect(second.visitorId).not.toBe(first.visitorId)
  expect(await dialog.getByText('I am the first visitor').count()).toBe(0)
  expect(await page.locator('paychat-widget').count()).toBe(1)
})

test('data-consent="required": only paychat.js and nothing in localStorage until Paychat("consent", true)', async () => {
  const { page, requests } = await spaWith('data-widget-key="wk_demo" data-consent="required"')
  const launcher = page.getByRole('button', { name: 'Open chat' })
  await launcher.waitFor()
  await page.waitForLoadState('load')
  await launcher.hover()
  await launcher.click()
  await page.evaluate(() => (window as unknown as { Paychat(...args: unknown[]): void }).Paychat('consent', false))
  await page.waitForTimeout(1500) // idle time comes and goes
  expect(requests).toEqual(['GET /paychat.js'])
  expect(await page.evaluate(() => localStorage.length)).toBe(0)
  expect(await page.locator('paychat-widget').count()).toBe(1)

  await page.evaluate(() => (window as unknown as { Paychat(...args: unknown[]): void }).Paychat('consent', true))
  await expect.poll(() => requests.includes('POST /v1/sessions'), { timeout: 10_000 }).toBe(true)
  // The click made before consent opens the chat once it may.
  await page.getByRole('dialog', { name: 'Acme Coffee' }).waitFor()
  await expect.poll(() => page.evaluate(() => localStorage.getItem('paychat:wk_demo:session'))).toContain('st_')
  expect(await page.locator('paychat-widget').count()).toBe(1)
})
