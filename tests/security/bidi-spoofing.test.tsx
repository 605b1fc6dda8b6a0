// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, test } from 'vitest'
import { createClient } from '../../src/client/index'
import { translator } from '../../src/i18n/translate'
import type { ConversationSummary, Message, PaymentPage, PaymentRequest, SessionResponse } from '../../src/protocol/types'
import { createChatStore } from '../../src/store/index'
import type { ChatMessage } from '../../src/store/types'
import { MessageItem } from '../../src/widget/message-item'
import { PaymentCard } from '../../src/widget/payment-card'
import { Widget, widgetContext } from '../../src/widget/widget-context'
import { renderCheckout } from '../component/checkout/render-checkout'
import { API } from '../component/checkout/reference-server'
import {
  call,
  GOOD_CARD,
  openConversation,
  payNow,
  payOnCheckout,
  renderConsole,
  shareCard,
  useConsoleServer,
  webVisitorSession,
  whatsappCustomer,
} from '../component/console/console-server'

/**
 * Finding 10: a visitor named "Bob \u202Efdp.exe" showed as "Bob exe.pdf" in the console, and digits
 * in messages and titles could be reversed. Bidi overrides and isolates are removed from names at the
 * server boundary, and every name, message, title, description, label and template value renders in
 * an isolate of its own (dir="auto", or <bdi>), so no text can reorder what is shown around it.
 */
useConsoleServer()
afterEach(() => cleanup())

const SPOOFED = 'Bob \u202Efdp.exe'
/** Every bidi embedding, override and isolate control, to hide in a name. */
const CONTROLS = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069'
/** Right-to-left text with digits: legitimate, and exactly what reorders the text around it. */
const NAME = 'מרים 42'
const MESSAGE = 'שלום 123, 456'
const TITLE = 'קפה 500 גרם'
const DESCRIPTION = 'פולים 2 ק"ג'
const LABEL = 'טיפ 10'

const summaries = async () => (await call<{ conversations: ConversationSummary[] }>('GET', '/v1/operator/conversations')).conversations

/** A value inside a longer text (a template's body, a list's preview line) sits between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE. */
const isolatedValue = (value: string) => `\u2068${value}\u2069`

/**
 * Each element whose own text shows `value` shows it isolated: inside an element with dir="auto" (or a
 * <bdi>) that holds that value and nothing else, or between isolate controls inside a longer text.
 */
function expectIsolated(root: ParentNode, value: string) {
  const holders = [...root.querySelectorAll('*')].filter((el) =>
    [...el.childNodes].some((node) => node.nodeType === 3 && node.textContent!.includes(value)),
  )
  expect(holders.length, `"${value}" is shown`).toBeGreaterThan(0)
  for (const holder of holders) {
    if (holder.textContent!.includes(isolatedValue(value))) continue
    const isolate = holder.closest('[dir="auto"], bdi')
    expect(isolate?.textContent, holder.outerHTML).toBe(value)
  }
}

async function page(title: string, description: string): Promise<PaymentPage> {
  return call<PaymentPage>('POST', '/v1/operator/payment-pages', {
    brandId: 'brand_acme',
    title,
    description,
    price: { amount: 2450, currency: 'USD' },
    billing: { type: 'one_time' },
  })
}

/** A card with an RTL title and description, paid, then an extra payment with an RTL label. */
async function paidCardWithExtra(conversationId: string, token: string) {
  const shared = await shareCard(conversationId, { paymentPageId: (await page(TITLE, DESCRIPTION)).id })
  const checkoutSessionId = await payNow(shared.id, token)
  await payOnCheckout(checkoutSessionId, GOOD_CARD)
  const extra = await payOnCheckout(checkoutSessionId, GOOD_CARD, { extra: { label: LABEL, amount: 500 } })
  return { checkoutSessionId, request: extra.paymentRequest }
}

describe('at the server boundary, names lose their bidi controls', () => {
  test('a visitor’s name given when the chat starts', async () => {
    const { conversationId } = await webVisitorSession(SPOOFED)
    const summary = (await summaries()).find((c) => c.id === conversationId)!
    expect(summary.visitorName).toBe('Bob fdp.exe')
  })

  test('every control, anywhere in the name', async () => {
    const { conversationId } = await webVisitorSession(`${CONTROLS}Ev${CONTROLS}e${CONTROLS}`)
    expect((await summaries()).find((c) => c.id === conversationId)!.visitorName).toBe('Eve')
  })

  test('a name that is nothing but controls is refused like an empty one', async () => {
    const answer = await fetch(`${API}/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ widgetKey: 'wk_demo', visitor: { name: ` ${CONTROLS} ` } }),
    })
    expect(answer.status).toBe(400)
    expect(((await answer.json()) as { error: { field: string } }).error.field).toBe('visitor.name')
  })

  test('a WhatsApp profile name', async () => {
    const conversationId = await whatsappCustomer(SPOOFED)
    const summary = (await summaries()).find((c) => c.id === conversationId)!
    expect(summary.whatsapp?.profileName).toBe('Bob fdp.exe')
    const [first] = (await call<{ messages: Message[] }>('GET', `/v1/operator/conversations/${conversationId}/messages`)).messages
    expect(first!.author.name).toBe('Bob fdp.exe')
  })

  test('a canned reply’s name', async () => {
    const reply = await call<{ name: string }>('POST', '/v1/operator/canned-responses', { name: `Refund ${'\u202E'}05.42$`, text: 'Hello' })
    expect(reply.name).toBe('Refund 05.42$')
  })

  test('a visitor’s name given when identified', async () => {
    const session = (await (
      await fetch(`${API}/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"widgetKey":"wk_demo"}' })
    ).json()) as SessionResponse
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('idv_demo_acme'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('bob@example.com'))
    const userHash = Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('')
    const answer = await fetch(`${API}/v1/identify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.session.token}` },
      body: JSON.stringify({ name: SPOOFED, email: 'bob@example.com', userHash }),
    })
    expect(((await answer.json()) as { visitor: { name: string } }).visitor.name).toBe('Bob fdp.exe')
  })
})

describe('the operator console', () => {
  test('isolates the visitor’s name, messages, card title and description, and charge labels', async () => {
    const { conversationId, token } = await webVisitorSession(NAME, MESSAGE)
    await paidCardWithExtra(conversationId, token)
    renderConsole()
    await openConversation(NAME)
    await screen.findByText(LABEL)
    for (const value of [NAME, MESSAGE, TITLE, DESCRIPTION, LABEL]) expectIsolated(document.body, value)
  })

  test('isolates the values in a template it sent, and the name of the WhatsApp customer', async () => {
    const conversationId = await whatsappCustomer(NAME)
    await call('POST', `/v1/operator/conversations/${conversationId}/templates`, {
      templateId: 'tpl_follow_up',
      parameters: { first_name: NAME, product: TITLE },
    })
    renderConsole()
    await openConversation(NAME)
    const body = await waitFor(() => {
      const found = [...document.querySelectorAll('.template-body')].at(-1)
      if (!found) throw new Error('no template yet')
      return found
    })
    expect(body.textContent).toContain(`Hi ${isolatedValue(NAME)}, your ${isolatedValue(TITLE)} is still waiting`)
    expect(body.closest('[dir="auto"]')).toBe(body)
    expectIsolated(document.querySelector('.conversation-list')!, NAME)
  })
})

describe('the widget', () => {
  const store = createChatStore({ client: createClient({ apiBase: API, widgetKey: 'wk_demo' }) })
  const inWidget = (node: preact.ComponentChildren) =>
    render(<Widget.Provider value={widgetContext(store, 'en', translator('en'))}>{node}</Widget.Provider>).container

  test('isolates the operator’s name and message', () => {
    const message: ChatMessage = {
      id: 'msg_1',
      conversationId: 'conv_1',
      clientId: null,
      type: 'text',
      author: { role: 'operator', name: NAME },
      text: MESSAGE,
      paymentRequest: null,
      template: null,
      delivery: null,
      createdAt: new Date().toISOString(),
      sendStatus: 'sent',
      sendError: null,
    } as ChatMessage
    const root = inWidget(<MessageItem message={message} />)
    for (const value of [NAME, MESSAGE]) expectIsolated(root, value)
  })

  test('isolates a card’s title, description and charge labels', async () => {
    const { conversationId, token } = await webVisitorSession('Ada')
    const { request } = await paidCardWithExtra(conversationId, token)
    const root = inWidget(
      <PaymentCard
        request={request as PaymentRequest}
        locale="en"
        t={translator('en')}
        brandName="Acme Coffee"
        busy={false}
        error={null}
        blockedUrl={null}
        onPay={() => {}}
        onCancel={() => {}}
      />,
    )
    for (const value of [TITLE, DESCRIPTION, LABEL]) expectIsolated(root, value)
  })

  test('isolates the sender’s name and the values of a template', async () => {
    const conversationId = await whatsappCustomer('Ada')
    const sent = await call<Message>('POST', `/v1/operator/conversations/${conversationId}/templates`, {
      templateId: 'tpl_follow_up',
      parameters: { first_name: NAME, product: TITLE },
    })
    const root = inWidget(<MessageItem message={{ ...sent, author: { role: 'operator', name: NAME }, sendStatus: 'sent', sendError: null } as ChatMessage} />)
    expectIsolated(root, NAME)
    const body = root.querySelector('.pc-template-body')!
    expect(body.getAttribute('dir')).toBe('auto')
    expect(body.textContent).toContain(isolatedValue(NAME))
    expect(body.textContent).toContain(isolatedValue(TITLE))
  })
})

describe('the hosted checkout', () => {
  test('isolates the item’s title and description and each charge’s label', async () => {
    const { conversationId, token } = await webVisitorSession('Ada')
    const { checkoutSessionId } = await paidCardWithExtra(conversationId, token)
    renderCheckout(checkoutSessionId)
    await screen.findByText(LABEL)
    for (const value of [TITLE, DESCRIPTION, LABEL]) expectIsolated(document.body, value)
  })
})
