import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import type {
  Message,
  MessageTemplate,
  PaymentPage,
  PaymentRequest,
  SessionResponse,
  TemplateButton,
  TemplateComponent,
} from '../../src/protocol/types'
import { withoutBidiControls } from '../../src/i18n/bidi'
import { batches, payloadsUpTo, XSS_PAYLOADS } from './xss-payloads'
import { launchChromium, OPERATOR_TOKEN, startStack, type Stack } from './stack'

/**
 * The XSS corpus (./xss-payloads) through every way text reaches a screen: visitor messages, operator
 * replies, the visitor's name, WhatsApp template parts and parameters, payment page titles and
 * descriptions, in the widget (Shadow DOM on the shop), the hosted checkout and the operator console.
 * The pages carry no CSP here, so nothing but the rendering itself stands between a payload and
 * `window.__xss`. Nothing may run; every payload must read as the very text that was sent.
 */

const TEXTS = XSS_PAYLOADS.map((payload) => payload.text)
/** Elements no message text may ever turn into. */
const FORBIDDEN = [
  'script, iframe, frame, frameset, object, embed, img, image, video, audio, source, svg, math',
  'form, input, details, marquee, style, link, meta, base, noscript, body, template',
].join(', ')

let browser: Browser
let stack: Stack
let hits: string[] = []
const contexts: BrowserContext[] = []

beforeAll(async () => {
  browser = await launchChromium()
  stack = await startStack()
})
beforeEach(() => {
  hits = []
})
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()))
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

async function api<T>(method: string, path: string, body?: unknown, token = OPERATOR_TOKEN): Promise<T> {
  const res = await fetch(`${stack.apiBase}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** A visitor session whose name is `name`, as an integration that knows its visitor would start it. */
function startSession(name: string) {
  return api<SessionResponse>('POST', '/v1/sessions', { widgetKey: 'wk_demo', visitor: { name } })
}

/** A browser context whose every page reports `__xss(id)` calls and dialogs into `hits`. */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext()
  contexts.push(context)
  await context.exposeFunction('__xss', (id: unknown) => {
    hits.push(String(id))
  })
  context.on('dialog', (dialog) => {
    hits.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  return context
}

/** The shop page with the widget open on the visitor session `session` (its token put where the widget keeps it). */
async function openWidget(session: SessionResponse): Promise<Page> {
  const context = await newContext()
  await context.addInitScript(
    ({ origin, token }) => {
      if (location.origin === origin) localStorage.setItem('paychat:wk_demo:session', JSON.stringify({ token }))
    },
    { origin: new URL(stack.hostUrl).origin, token: session.session.token },
  )
  const page = await context.newPage()
  await page.goto(stack.hostUrl)
  await expectDetectorWorks(page)
  await page.getByRole('button', { name: 'Open chat' }).click()
  await page.getByRole('textbox', { name: 'Message' }).waitFor()
  return page
}

/**
 * Proves the trap is armed on this page: an injected handler does reach `__xss`; or, on a page under
 * Trusted Types (the console), an injected handler cannot even be set.
 */
async function expectDetectorWorks(page: Page) {
  const refused = await page.evaluate(() => {
    const img = document.createElement('img')
    img.id = 'xss-control'
    img.src = 'data:,not-an-image'
    try {
      img.setAttribute('onerror', "__xss('control'); this.remove()")
    } catch {
      return true
    }
    document.body.append(img)
    return false
  })
  if (refused) return
  await expect.poll(() => hits).toContain('control')
  hits = hits.filter((hit) => hit !== 'control')
}

interface Rendered {
  text: string
  handlers: string[]
  forbidden: string[]
  badStyles: string[]
  links: Array<{ href: string; rel: string; target: string }>
}

/**
 * What `scope` (an element) rendered, and what its whole root (document or shadow root) holds:
 * inline handlers anywhere, elements that text never becomes inside `scope`, and every link.
 */
function inspect(scope: Locator, forbidden = FORBIDDEN): Promise<Rendered> {
  return scope.evaluate((element, forbidden) => {
    const root = element.getRootNode() as Document | ShadowRoot
    const all = [...root.querySelectorAll('*')]
    return {
      text: element.textContent ?? '',
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}="${a.value}">`),
      ),
      forbidden: [...element.querySelectorAll(forbidden)].map((el) => el.outerHTML.slice(0, 120)),
      badStyles: all
        .map((el) => el.getAttribute('style') ?? '')
        .filter((style) => /expression|javascript|url\(/i.test(style)),
      links: [...root.querySelectorAll('a, area')].map((a) => ({
        href: (a as HTMLAnchorElement).href,
        rel: (a as HTMLAnchorElement).rel,
        target: (a as HTMLAnchorElement).target,
      })),
    }
  }, forbidden)
}

/**
 * Waits until every one of `texts` reads in `scope` (or something ran), then checks that nothing ran
 * and nothing became markup.
 */
async function expectLiteral(scope: Locator, texts: readonly string[], forbidden?: string) {
  const page = scope.page()
  const deadline = Date.now() + 15_000
  let missing: readonly string[] = texts
  while (hits.length === 0 && missing.length > 0 && Date.now() < deadline) {
    const { text } = await inspect(scope, forbidden).catch(() => ({ text: '' }))
    missing = texts.filter((t) => !text.includes(t.trim()))
    if (missing.length) await page.waitForTimeout(100)
  }
  // Failed image loads and focus handlers fire asynchronously: give them their chance.
  await page.waitForTimeout(300)
  expect(hits).toEqual([])
  expect(missing).toEqual([])
  const rendered = await inspect(scope, forbidden)
  expect(rendered.handlers).toEqual([])
  expect(rendered.forbidden).toEqual([])
  expect(rendered.badStyles).toEqual([])
  expectSafeLinks(rendered.links)
  return rendered
}

/** Only http(s) links, opened apart (`noopener noreferrer`), and `tel:` with nothing but digits. */
function expectSafeLinks(links: Rendered['links']) {
  for (const link of links) {
    const url = new URL(link.href)
    if (url.protocol === 'tel:') {
      expect(link.href).toMatch(/^tel:\+?\d+$/)
      continue
    }
    expect(['https:', 'http:'], link.href).toContain(url.protocol)
    expect(link.rel.split(/\s+/), link.href).toEqual(expect.arrayContaining(['noopener', 'noreferrer']))
  }
}

function widgetLog(page: Page): Locator {
  return page.getByRole('log')
}

let templateCount = 0
/**
 * An approved template of Acme Coffee with payloads in its header, body, footer and buttons, and the
 * text each part must show once sent with `parameters` (every payload, then the visitor's name).
 */
async function approvedPayloadTemplate() {
  const header = payloadsUpTo(60)[0]!.text
  const footer = payloadsUpTo(60)[1]!.text
  const parameters = [...TEXTS, '{{contact.name}}']
  const refs = parameters.map((_, i) => `{{${i + 1}}}`).join('\n')
  // Payloads in the body's own text; a positional body may hold no other "{{".
  const room = 1024 - refs.length - 1
  const inBody = batches(room, '\n', XSS_PAYLOADS.filter((p) => !p.text.includes('{{')))[0]!
  // Button texts are at most 25 characters; a static URL needs no whitespace or braces, so it can still break out.
  const buttons: TemplateButton[] = [
    { type: 'URL', text: `<svg onload=__xss('b1')>`, url: `https://acme-coffee.example/"><img/src=x/onerror=__xss('b1-url')>` },
    { type: 'URL', text: `'><svg onload=__xss(2)>`, url: 'https://acme-coffee.example/pay/{{1}}', example: ['x'] },
    { type: 'QUICK_REPLY', text: `<svg/onload=__xss('b3')>` },
    { type: 'PHONE_NUMBER', text: `<b onclick=__xss('b4')>`, phone_number: '+15550001234' },
  ]
  const components: TemplateComponent[] = [
    { type: 'HEADER', format: 'TEXT', text: header },
    { type: 'BODY', text: `${inBody}\n${refs}`, example: { body_text: [parameters.map(() => 'x')] } },
    { type: 'FOOTER', text: footer },
    { type: 'BUTTONS', buttons },
  ]
  const template = await api<MessageTemplate>('POST', '/v1/operator/templates', {
    brandId: 'brand_acme',
    name: `xss_corpus_${++templateCount}`,
    language: 'en_US',
    category: 'UTILITY',
    components,
  })
  await api('POST', `/v1/operator/templates/${template.id}/submit`)
  await api('POST', `/v1/mock/templates/${template.id}/review`, { decision: 'APPROVED' })
  return {
    template,
    parameters,
    urlSuffix: `javascript:__xss('url-suffix')"><img src=x onerror=__xss('url-suffix')>`,
    /** What the chat must show, the visitor's name aside; values lose their bidi controls (docs/security.md). */
    texts: [header, footer, inBody, ...TEXTS.map(withoutBidiControls), ...buttons.map((b) => b.text)],
  }
}

/** Payment pages whose titles and descriptions are payloads, shared as cards into `conversationId`. */
async function sharePayloadCards(conversationId: string) {
  const titles = payloadsUpTo(120)
  const pages: PaymentPage[] = []
  for (const [i, description] of batches(1000).entries()) {
    pages.push(
      await api<PaymentPage>('POST', '/v1/operator/payment-pages', {
        brandId: 'brand_acme',
        title: titles[titles.length - 1 - i]!.text,
        description,
        price: { amount: 1250, currency: 'USD' },
        billing: { type: 'one_time' },
      }),
    )
  }
  for (const page of pages) {
    await api<PaymentRequest>('POST', `/v1/operator/conversations/${conversationId}/payment-requests`, {
      paymentPageId: page.id,
    })
  }
  return pages
}

/**
 * The corpus as a handful of visitor messages, payloads side by side on a line: a session may make 20
 * calls at once, then one a second (the server's rate limit), and the widget spends a few of them.
 */
const visitorBatches = () => batches(400, ' ')

const sendVisitorMessage = (session: SessionResponse, text: string, clientId: string) =>
  api<Message>('POST', `/v1/conversations/${session.conversation.id}/messages`, { clientId, text }, session.session.token)

test('visitor messages, typed in the widget and sent through the API, read as text', async () => {
  const session = await startSession('Visitor typing payloads')
  const page = await openWidget(session)

  // (a) All of it in one message typed into the composer (shown at once, before the server has it)...
  const typed = batches(4000)
  expect(typed).toHaveLength(1)
  const composer = page.getByRole('textbox', { name: 'Message' })
  await composer.fill(typed[0]!)
  await composer.press('Enter')
  // ...and a few more through the API, side by side on one line, as the server then streams them back.
  const sent = visitorBatches()
  for (const [i, text] of sent.entries()) await sendVisitorMessage(session, text, `xss-${i}`)

  await expectLiteral(widgetLog(page), [typed[0]!, ...sent])
  // The typed batch is one bubble whose text is exactly what was typed, line breaks included.
  const bubbles = await widgetLog(page)
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => li.querySelector('p')?.textContent))
  expect(bubbles).toContain(typed[0])
})

test('operator replies read as text, one payload each and all in one', async () => {
  const session = await startSession('Visitor reading replies')
  const page = await openWidget(session)
  for (const text of TEXTS) await api('POST', `/v1/operator/conversations/${session.conversation.id}/messages`, { text })
  const [all] = batches(4000)
  await api('POST', `/v1/operator/conversations/${session.conversation.id}/messages`, { text: all })
  await expectLiteral(widgetLog(page), [...TEXTS, all!])
})

test("a template with payloads in every part, its parameters and the visitor’s name reads as text; links only to the brand's https origins", async () => {
  // (c) The visitor's name reaches the chat through the {{contact.name}} merge field.
  const name = `"><img src=x onerror=__xss('visitor-name')>{{constructor.constructor('__xss(1)')()}}`
  expect(name.length).toBeLessThanOrEqual(100)
  const session = await startSession(name)
  const page = await openWidget(session)
  const { template, parameters, urlSuffix, texts } = await approvedPayloadTemplate()
  const sent = await api<Message>('POST', `/v1/operator/conversations/${session.conversation.id}/templates`, {
    templateId: template.id,
    parameters,
    urlSuffix,
  })
  expect(sent.template?.body).toContain(name)

  const rendered = await expectLiteral(widgetLog(page), [...texts, name])
  const urls = rendered.links.filter((link) => link.href.startsWith('https:'))
  expect(urls).toHaveLength(2)
  for (const link of urls) expect(link.target).toBe('_blank')
  expect(rendered.links.map((link) => link.href)).toContain('tel:+15550001234')
})

test('payment cards titled and described with payloads read as text, and so does their checkout', async () => {
  const session = await startSession('Visitor paying payloads')
  const page = await openWidget(session)
  const pages = await sharePayloadCards(session.conversation.id)
  await expectLiteral(widgetLog(page), pages.flatMap((p) => [p.title, p.description]))
  // The cards can be paid: the checkout shows the same title and description, as text.
  const cards = widgetLog(page).getByRole('article')
  expect(await cards.count()).toBe(pages.length)

  const popupOpened = page.waitForEvent('popup')
  await cards.last().getByRole('button', { name: 'Pay now' }).click()
  const checkout = await popupOpened
  await checkout.waitForURL(/\/checkout\/cs_/)
  // The checkout runs under the server's own strict CSP with Trusted Types: an injected handler cannot
  // even be set there, so the trap is shown armed by that refusal rather than by a handler firing.
  const handlerRefused = await checkout.evaluate(() => {
    try {
      document.createElement('img').setAttribute('onerror', "__xss('control')")
      return false
    } catch {
      return true
    }
  })
  expect(handlerRefused).toBe(true)
  const last = pages.at(-1)!
  await expectLiteral(checkout.getByRole('region', { name: last.title }), [last.title, last.description])
})

test('the operator console shows names, messages, templates and cards as text', async () => {
  // (f) A conversation with every channel in it, and a conversation per payload as a visitor name.
  const name = `<svg onload=__xss('console-name')> Ada`
  const session = await startSession(name)
  const given = payloadsUpTo(100).map((p) => p.text)
  for (const text of given) await startSession(text)
  // Names lose their bidi controls at the server (docs/security.md).
  const names = given.map(withoutBidiControls)
  const sent = visitorBatches()
  for (const [i, text] of sent.entries()) await sendVisitorMessage(session, text, `console-${i}`)
  const [all] = batches(4000)
  await api('POST', `/v1/operator/conversations/${session.conversation.id}/messages`, { text: all })
  const { template, parameters, urlSuffix, texts } = await approvedPayloadTemplate()
  await api('POST', `/v1/operator/conversations/${session.conversation.id}/templates`, {
    templateId: template.id,
    parameters,
    urlSuffix,
  })
  const pages = await sharePayloadCards(session.conversation.id)

  const context = await newContext()
  const operatorPage = await context.newPage()
  await operatorPage.goto(`${stack.apiBase}/operator`)
  await operatorPage.getByText('Live').waitFor()
  await expectDetectorWorks(operatorPage)

  await operatorPage.getByRole('button', { name }).click()
  const thread = operatorPage.getByRole('log', { name: 'Messages' })
  await expectLiteral(thread, [...sent, all!, ...texts, name, ...pages.flatMap((p) => [p.title, p.description])])
  // The conversation list and header show every visitor name as text, and the share form every title.
  // (The console's own reply and share forms are forms and inputs: not forbidden in the whole app.)
  await expectLiteral(
    operatorPage.locator('#console'),
    [...names, ...pages.map((p) => p.title)],
    'script, iframe, object, embed, img, svg, math, details, marquee, meta, base, noscript, style',
  )
})
