import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { operator } from './operator'
import { launchChromium, startStack, type Stack } from './stack'

/**
 * Look and placement in Chromium (issue 7), through the script tag as a website owner pastes it:
 * placement options on the launcher, inline mode, dark mode, the full-screen panel on a phone, the
 * unread badge and event, and a host page whose CSS tries hard to reach the widget. Screenshots go
 * to /tmp/look-*.png for a person to look at.
 */

let browser: Browser
const stacks: Stack[] = []

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await Promise.all(stacks.map((s) => s.close()))
})

interface ShopOptions {
  /** The script tag's attributes besides src and data-widget-key. */
  attributes?: string
  /** Extra markup in the body, before the script. */
  body?: string
  /** The page's own CSS. */
  style?: string
  viewport?: { width: number; height: number }
}

/** A shop on another origin with the snippet, recording the widget's events as `hostEvents` and `unreadCounts`. */
async function shop({ attributes = '', body = '', style = '', viewport }: ShopOptions = {}) {
  const stack = await startStack({
    hostPage: (apiBase) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title><style>${style}</style></head><body>
      <h1>Bean Bros</h1><p>Freshly roasted beans, every Monday.</p>${body}
      <script>
        window.Paychat=window.Paychat||function(){(Paychat.q=Paychat.q||[]).push(arguments)};
        window.unreadCounts = []; window.hostEvents = [];
        Paychat('on', 'unread', function (event) { unreadCounts.push(event.count) });
        Paychat('on', 'ready', function (event) { window.conversationId = event.conversationId });
        ['open', 'close'].forEach(function (name) { Paychat('on', name, function () { hostEvents.push(name) }) });
      </script>
      <script async src="${apiBase}/paychat.js" data-widget-key="wk_demo" ${attributes}></script>
    </body></html>`,
  })
  stacks.push(stack)
  const page = await browser.newPage(viewport ? { viewport } : {})
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await page.goto(stack.hostUrl)
  return { page, stack, problems }
}

/** The widget has taken over from the loader's stand-in (its session started). */
const widgetReady = (page: Page) => page.waitForFunction(() => typeof (window as unknown as { conversationId?: string }).conversationId === 'string')

/** Computed placement of the `paychat-widget` host and the launcher's box. */
function placement(page: Page) {
  return page.locator('paychat-widget').evaluate((host) => {
    const s = getComputedStyle(host)
    const launcher = host.shadowRoot!.querySelector('.pc-launcher')!.getBoundingClientRect()
    return {
      position: s.position,
      left: s.left,
      bottom: s.bottom,
      zIndex: s.zIndex,
      launcher: { x: launcher.x, bottom: innerHeight - launcher.bottom, width: launcher.width },
    }
  })
}

test('data-position="left" with data-offset and data-z-index: the stand-in and the widget sit there alike', async () => {
  const { page, problems } = await shop({ attributes: 'data-position="left" data-offset="32 96" data-z-index="500" data-defer-session' })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await page.getByRole('button', { name: 'Open chat' }).waitFor()
  const expected = { position: 'fixed', left: '32px', bottom: '96px', zIndex: '500', launcher: { x: 32, bottom: 96, width: 56 } }
  // The loader's stand-in, before the widget chunk is even asked for.
  expect(await placement(page)).toEqual(expected)
  await page.getByRole('button', { name: 'Open chat' }).hover()
  await widgetReady(page)
  await page.mouse.move(600, 300)
  expect(await placement(page)).toEqual(expected)
  expect(problems).toEqual([])
})

test('data-label: the stand-in and the widget show the same labelled pill', async () => {
  const { page } = await shop({ attributes: 'data-label="Chat with a roaster" data-defer-session' })
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const launcher = page.getByRole('button', { name: 'Chat with a roaster' })
  await launcher.waitFor()
  const pill = () => launcher.evaluate((el) => [el.getBoundingClientRect().toJSON(), el.textContent, getComputedStyle(el).borderTopLeftRadius])
  const before = await pill()
  expect(before[1]).toBe('Chat with a roaster')
  expect((before[0] as DOMRect).width).toBeGreaterThan(150)
  await launcher.hover()
  await widgetReady(page)
  await page.mouse.move(600, 300)
  expect(await pill()).toEqual(before)
})

test('data-z-index decides whether the page\'s own fixed bar covers the launcher', async () => {
  const bar = '<div id="bar" style="position:fixed;left:0;right:0;bottom:0;height:200px;background:#f6d365;z-index:600"></div>'
  /** What is on top at the launcher's centre: the launcher (inside the widget's host) or the page's bar. */
  const onTop = (page: Page) =>
    page.locator('paychat-widget').evaluate((host) => {
      const box = host.shadowRoot!.querySelector('.pc-launcher')!.getBoundingClientRect()
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
      return hit === host ? 'launcher' : hit?.id
    })
  const above = await shop({ attributes: 'data-z-index="700"', body: bar })
  await widgetReady(above.page)
  expect(await onTop(above.page)).toBe('launcher')
  const below = await shop({ attributes: 'data-z-index="500"', body: bar })
  await widgetReady(below.page)
  expect(await onTop(below.page)).toBe('bar')
  // The default is above nearly everything.
  const byDefault = await shop({ body: bar })
  await widgetReady(byDefault.page)
  expect(await onTop(byDefault.page)).toBe('launcher')
})

test('data-inline renders the open chat inside the page\'s element, with no floating launcher', async () => {
  const { page, problems } = await shop({
    attributes: 'data-inline="#chat"',
    body: '<main style="display:grid;grid-template-columns:1fr 360px;gap:24px;max-width:900px"><p>Help centre.</p><div id="chat" style="height:520px"></div></main>',
    viewport: { width: 1000, height: 700 },
  })
  const region = page.getByRole('region', { name: 'Acme Coffee' })
  await region.waitFor()
  expect(await page.locator('#chat > paychat-widget').count()).toBe(1)
  expect(await page.locator('paychat-widget').count()).toBe(1)
  expect(await page.getByRole('button', { name: 'Open chat' }).count()).toBe(0)
  expect(await page.getByRole('button', { name: 'Close chat' }).count()).toBe(0)
  const [container, panel] = await Promise.all([page.locator('#chat').boundingBox(), region.boundingBox()])
  expect(panel).toEqual(container)
  expect(await page.locator('paychat-widget').evaluate((host) => getComputedStyle(host).position)).toBe('static')
  // It chats like the floating one.
  await page.getByRole('textbox', { name: 'Message' }).fill('Hello from the help centre')
  await page.getByRole('textbox', { name: 'Message' }).press('Enter')
  await page.getByText('Sent').waitFor()
  await page.screenshot({ path: '/tmp/look-inline.png' })
  expect(problems).toEqual([])
})

/** The open panel's background and text colours, and the composer's. */
function panelColours(page: Page) {
  return page.getByRole('dialog').evaluate((panel) => {
    const textarea = panel.querySelector('textarea')!
    return {
      panel: getComputedStyle(panel).backgroundColor,
      text: getComputedStyle(panel.querySelector('.pc-messages')!).color,
      composer: getComputedStyle(textarea).backgroundColor,
      scheme: getComputedStyle(textarea).colorScheme,
    }
  })
}

test('dark mode follows the system; data-theme="light" keeps it light, data-theme="dark" makes it dark anyway', async () => {
  const light = { panel: 'rgb(255, 255, 255)', text: 'rgb(29, 35, 48)', composer: 'rgb(255, 255, 255)', scheme: 'normal' }
  const dark = { panel: 'rgb(34, 34, 34)', text: 'rgb(238, 238, 238)', composer: 'rgb(34, 34, 34)', scheme: 'dark' }

  const system = await shop({ attributes: 'data-open' })
  await system.page.getByRole('dialog', { name: 'Acme Coffee' }).waitFor()
  expect(await panelColours(system.page)).toEqual(light)
  await system.page.emulateMedia({ colorScheme: 'dark' })
  expect(await panelColours(system.page)).toEqual(dark)
  const w = operator(system.stack.apiBase)
  const conversationId = await system.page.evaluate(() => (window as unknown as { conversationId: string }).conversationId)
  await w.reply(conversationId, 'Good evening! What are you brewing tonight?')
  await system.page.getByText('Good evening!', { exact: false }).waitFor()
  await system.page.screenshot({ path: '/tmp/look-dark.png' })

  const forcedLight = await shop({ attributes: 'data-open data-theme="light"' })
  await forcedLight.page.emulateMedia({ colorScheme: 'dark' })
  await forcedLight.page.getByRole('dialog').waitFor()
  expect(await panelColours(forcedLight.page)).toEqual(light)

  const forcedDark = await shop({ attributes: 'data-open data-theme="dark"' })
  await forcedDark.page.emulateMedia({ colorScheme: 'light' })
  await forcedDark.page.getByRole('dialog').waitFor()
  expect(await panelColours(forcedDark.page)).toEqual(dark)
})

test('the page\'s CSS sets the theme\'s custom properties on paychat-widget, and they reach the launcher and the panel', async () => {
  // The brand's accent is set on the element itself: to override it from CSS takes !important (or data-color).
  const { page } = await shop({ style: 'paychat-widget { --pc-accent: #8a2be2 !important; --pc-bg: #fffbf2; --pc-radius: 4px }', attributes: 'data-open' })
  const panel = page.getByRole('dialog', { name: 'Acme Coffee' })
  await panel.waitFor()
  expect(await panel.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderTopLeftRadius])).toEqual(['rgb(255, 251, 242)', '4px'])
  expect(await page.locator('paychat-widget').evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('.pc-header')!).backgroundColor)).toBe(
    'rgb(138, 43, 226)',
  )
})

test('on a 375×667 phone the panel takes the whole screen, and the composer is 16 px (no zoom on focus in iOS)', async () => {
  const { page } = await shop({ viewport: { width: 375, height: 667 } })
  await widgetReady(page)
  await page.getByRole('button', { name: 'Open chat' }).click()
  const panel = page.getByRole('dialog', { name: 'Acme Coffee' })
  await panel.waitFor()
  expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 667 })
  const composer = page.getByRole('textbox', { name: 'Message' })
  expect(await composer.evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px')
  // The composer is inside the visible part of the screen, at its bottom.
  const box = (await composer.boundingBox())!
  expect(box.y + box.height).toBeLessThanOrEqual(667)
  expect(box.y + box.height).toBeGreaterThan(600)
  // The panel follows the visual viewport: what the on-screen keyboard leaves is what it takes.
  expect(await page.locator('paychat-widget').evaluate((host) => [host.style.getPropertyValue('--pc-vh'), host.style.getPropertyValue('--pc-vt')])).toEqual([
    '667px',
    '0px',
  ])
  await page.screenshot({ path: '/tmp/look-mobile.png' })
})

test('an operator message while the chat is closed shows an unread badge, and the page\'s handler gets the count', async () => {
  const { page, stack, problems } = await shop({ attributes: 'data-label="Questions?"' })
  await widgetReady(page)
  const conversationId = await page.evaluate(() => (window as unknown as { conversationId: string }).conversationId)
  const op = operator(stack.apiBase)
  await op.reply(conversationId, 'Hi! Fresh Ethiopian beans arrived today.')
  await op.reply(conversationId, 'Want a sample with your next order?')
  const launcher = page.getByRole('button', { name: 'Questions? (New messages: 2)' })
  await launcher.waitFor()
  expect(await launcher.locator('.pc-badge').textContent()).toBe('2')
  expect(await page.evaluate(() => (window as unknown as { unreadCounts: number[] }).unreadCounts)).toEqual([1, 2])
  // The label shows beside the icon, and the launcher is a pill.
  expect(await launcher.evaluate((el) => [el.querySelector('span')?.textContent, getComputedStyle(el).borderTopLeftRadius])).toEqual(['Questions?', '28px'])
  await page.screenshot({ path: '/tmp/look-unread.png' })

  await launcher.click()
  await page.getByRole('dialog', { name: 'Acme Coffee' }).waitFor()
  expect(await page.evaluate(() => (window as unknown as { unreadCounts: number[] }).unreadCounts)).toEqual([1, 2, 0])
  expect(problems).toEqual([])
})

test('a host page whose CSS styles everything it can reach does not change the widget', async () => {
  // What sites do: resets on *, frameworks' attribute selectors, !important everywhere.
  const hostile = `
    *, *::before, *::after { font-family: "Comic Sans MS", cursive !important; letter-spacing: 3px; text-transform: uppercase; line-height: 3; color: red; box-sizing: content-box; margin: 12px; padding: 9px; opacity: .6; }
    [data-position], [data-theme] { background: yellow !important; border: 4px solid lime; transform: rotate(3deg); position: absolute !important; z-index: 1 !important; }
    button { background: red !important; border: 5px dashed lime !important; width: 300px !important; border-radius: 0 !important; }
    div, section, textarea, header, ul, li, p, h2, form { display: none !important; }
    svg { display: none !important; }`
  const plain = await shop({ attributes: 'data-open' })
  const styled = await shop({ attributes: 'data-open', style: hostile })
  const look = (page: Page) =>
    page.locator('paychat-widget').evaluate((host) => {
      const root = host.shadowRoot!
      const style = (selector: string, ...names: string[]) => {
        const s = getComputedStyle(selector ? root.querySelector(selector)! : host) as unknown as Record<string, string>
        return names.map((name) => s[name])
      }
      const box = root.querySelector('.pc-panel')!.getBoundingClientRect()
      return {
        host: style('', 'position', 'zIndex', 'backgroundColor', 'opacity', 'transform', 'margin', 'padding', 'borderTopWidth'),
        panel: [box.x, box.y, box.width, box.height, ...style('.pc-panel', 'display', 'fontFamily', 'color', 'lineHeight', 'letterSpacing', 'textTransform')],
        title: style('.pc-header h2', 'fontFamily', 'color', 'textTransform', 'letterSpacing'),
        send: style('.pc-primary', 'backgroundColor', 'borderTopStyle', 'width'),
        composer: style('textarea', 'display', 'fontSize', 'fontFamily', 'color'),
      }
    })
  for (const { page } of [plain, styled]) await page.getByRole('dialog', { name: 'Acme Coffee' }).waitFor()
  const expected = await look(plain.page)
  expect(expected.host).toEqual(['fixed', '2147483000', 'rgba(0, 0, 0, 0)', '1', 'none', '0px', '0px', '0px'])
  expect(await look(styled.page)).toEqual(expected)
  await styled.page.screenshot({ path: '/tmp/look-hostile.png' })
})
