import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { operator } from './operator'
import { launchChromium, startStack, type Stack } from './stack'

/**
 * The widget on a shop whose Content-Security-Policy allows no inline code, no eval and no style at
 * all, with scripts and connections only to the widget's origin: the lines the README's
 * "Content-Security-Policy" section tells a site owner to add, and nothing more. The hosted checkout
 * it opens runs under a strict policy of its own.
 */

const NONCE = 'c3RyaWN0LXNob3AtMjAyNg'

/** What a shop with a strict policy sends: `default-src 'none'` plus the README's lines for Paychat. */
function strictHostPolicy(apiBase: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${NONCE}' ${apiBase}`,
    `connect-src ${apiBase}`,
    // No style-src and no img-src: the widget's CSS is an adopted stylesheet, its icons inline SVG.
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    // Nothing of the widget's writes HTML or script through a DOM sink: Trusted Types enforced, no policy.
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ')
}

/** The policy the hosted checkout must run under: its own origin only, nothing inline. */
const CHECKOUT_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ')

/** The README snippet; the inline queue stub carries the page's nonce (the host's business). */
function strictHostPage(apiBase: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A shop with a strict CSP</title></head>
<body>
  <h1>Strict Beans — no inline code here</h1>
  <script nonce="${NONCE}">
    window.Paychat = window.Paychat || function () { (Paychat.q = Paychat.q || []).push(arguments) };
    window.hostEvents = [];
    ['ready', 'open', 'message', 'payment:opened', 'payment:paid']
      .forEach(function (name) { Paychat('on', name, function () { hostEvents.push(name) }) });
  </script>
  <script async src="${apiBase}/paychat.js" data-widget-key="wk_demo"></script>
</body></html>`
}

interface Violation {
  page: string
  directive: string
  blocked: string
  sample: string
  source: string
}

let browser: Browser
let stack: Stack
let context: BrowserContext
const violations: Violation[] = []
const consoleProblems: string[] = []
/** The Content-Security-Policy the reference server itself sent with the checkout page, if any. */
let serverCheckoutPolicy: string | undefined

beforeAll(async () => {
  browser = await launchChromium()
  stack = await startStack({
    hostPage: strictHostPage,
    headers: (apiBase) => ({ 'content-security-policy': strictHostPolicy(apiBase) }),
  })
  context = await browser.newContext()
  await context.exposeBinding('__reportCspViolation', ({ page }, v: Omit<Violation, 'page'>) => {
    violations.push({ page: page.url(), ...v })
  })
  await context.addInitScript(() => {
    const report = (event: SecurityPolicyViolationEvent) =>
      (window as unknown as { __reportCspViolation(v: object): void }).__reportCspViolation({
        directive: event.effectiveDirective || event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}`,
      })
    // Capture on window: violations inside the widget's shadow root are composed and reach it too.
    window.addEventListener('securitypolicyviolation', report, true)
  })
  context.on('console', (message) => {
    const text = message.text()
    if (/content.security.policy|refused to/i.test(text)) consoleProblems.push(`${message.page()?.url()}: ${text}`)
  })
  context.on('weberror', (error) => consoleProblems.push(`uncaught: ${error.error().message}`))
  // The checkout page as the server sends it, under a strict policy when the server sends none.
  await context.route(/\/checkout\/cs_[^/?#]+(\?[^#]*)?$/, async (route) => {
    const response = await route.fetch()
    const headers = response.headers()
    serverCheckoutPolicy = headers['content-security-policy']
    await route.fulfill({ response, headers: { ...headers, 'content-security-policy': serverCheckoutPolicy ?? CHECKOUT_POLICY } })
  })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await stack?.close()
})

function card(page: Page) {
  return page.getByRole('article', { name: 'House blend, 1 kg' })
}

test('the whole payment loop runs on a shop with a strict CSP, without a single violation', async () => {
  const op = operator(stack.apiBase)
  const page = await context.newPage()
  const response = await page.goto(stack.hostUrl)
  expect(response?.headers()['content-security-policy']).toBe(strictHostPolicy(stack.apiBase))

  const launcher = page.getByRole('button', { name: 'Open chat' })
  await launcher.waitFor()
  // Styled although the policy allows no stylesheet at all: the shadow root adopted a constructed sheet.
  expect(await launcher.evaluate((el) => (el.getRootNode() as ShadowRoot).adoptedStyleSheets.length)).toBe(1)
  expect(await launcher.evaluate((el) => (el.getRootNode() as ShadowRoot).querySelectorAll('style').length)).toBe(0)
  const launcherStyle = await launcher.evaluate((el) => {
    const style = getComputedStyle(el)
    return { width: style.width, radius: style.borderTopLeftRadius }
  })
  expect(launcherStyle).toEqual({ width: '56px', radius: '50%' })

  await launcher.click()
  const composer = page.getByRole('textbox', { name: 'Message' })
  await composer.fill('Hello from a strict shop')
  await composer.press('Enter')
  await page.getByText('Sent').waitFor()
  const conversation = await op.conversationWith('Hello from a strict shop')

  // An operator reply and a card arrive over the event stream (connect-src).
  await op.reply(conversation.id, 'Welcome! The house blend?')
  await page.getByText('Welcome! The house blend?').waitFor()
  await op.shareCard(conversation.id, 'brand_acme', 'House blend, 1 kg')
  const shown = card(page)
  await shown.getByRole('button', { name: 'Pay now' }).waitFor()
  // The brand's colour reached the widget through the CSSOM (host.style.setProperty), which CSP allows.
  expect(await page.locator('paychat-widget').evaluate((el) => el.style.getPropertyValue('--pc-accent'))).not.toBe('')

  const popupOpened = page.waitForEvent('popup')
  await shown.getByRole('button', { name: 'Pay now' }).click()
  const checkout = await popupOpened
  await checkout.waitForURL(/\/checkout\/cs_/)
  await checkout.getByLabel('Name on card').fill('Ada Lovelace')
  await checkout.getByLabel('Card number').fill('4242 4242 4242 4242')
  await checkout.getByLabel('Expiry').fill('12/34')
  await checkout.getByLabel('CVC').fill('123')
  // The checkout's own stylesheet loaded under its policy (style-src 'self').
  expect(await checkout.locator('body').evaluate((body) => getComputedStyle(body).marginTop)).toBe('0px')
  await checkout.getByRole('button', { name: 'Pay $24.50' }).click()
  await checkout.getByText('•••• 4242').waitFor()
  // The checkout's hint to its opener (postMessage) and the event stream both still reach the widget.
  await shown.getByText(/Paid with Visa •••• 4242/).waitFor()
  expect(await page.evaluate(() => (window as unknown as { hostEvents: string[] }).hostEvents)).toEqual(
    expect.arrayContaining(['ready', 'open', 'message', 'payment:opened', 'payment:paid']),
  )
  expect(await checkout.evaluate(() => document.querySelectorAll('style, [style*="url("]').length)).toBe(0)

  expect(violations).toEqual([])
  expect(consoleProblems).toEqual([])

  // The collector itself works: an inline <style> on the shop is refused and reported.
  await page.evaluate(() => {
    const style = document.createElement('style')
    style.textContent = 'h1 { color: red }'
    document.head.append(style)
  })
  await expect.poll(() => violations.map((v) => v.directive)).toContain('style-src-elem')
  // And Trusted Types are really enforced there: a string to innerHTML is refused.
  const sink = await page.evaluate(() => {
    try {
      document.body.innerHTML = '<b>x</b>'
      return 'allowed'
    } catch {
      return 'refused'
    }
  })
  expect(sink).toBe('refused')
  // The checkout ran under its policy too: an inline <style> is refused there.
  await checkout.evaluate(() => {
    const style = document.createElement('style')
    style.textContent = 'body { color: red }'
    document.head.append(style)
  })
  await expect.poll(() => violations.filter((v) => v.page === checkout.url()).map((v) => v.directive)).toContain('style-src-elem')
})

test('the reference server sends its own strict Content-Security-Policy with the checkout page', () => {
  // Read off the checkout page the payment loop above loaded: the policy tested there is the server's.
  expect(serverCheckoutPolicy).toBe(CHECKOUT_POLICY)
})
