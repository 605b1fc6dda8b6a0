import { fireEvent, waitFor, within } from '@testing-library/preact'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import type { Message, PaymentRequest } from '../../../src/protocol/types'
import { createHandlers, createServerState } from '../../../src/server/index'
import type { KeyValueStorage, PaychatEventMap, PaychatEventName } from '../../../src/store/types'
import { createWidget, type PaychatWidget, type WidgetOptions } from '../../../src/widget/create-widget'

const apiBase = 'http://paychat.test'
const server = setupServer()
/** Every request the reference server saw in this test, as `METHOD /path`. */
let requests: string[] = []
/** While set, visitor message POSTs wait for it before the reference server answers. */
let holdSends: Promise<void> | null = null
/** While set, the server refuses with this status and sentence instead of answering. */
let refuseSends: { status: number; message: string } | null = null
let refuseCheckout: { status: number; message: string } | null = null

const refusal = ({ status, message }: { status: number; message: string }) =>
  HttpResponse.json({ error: { code: status === 409 ? 'invalid_state' : 'message_too_long', message } }, { status })

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`)
  })
})
beforeEach(() => {
  requests = []
  holdSends = null
  refuseSends = null
  refuseCheckout = null
  server.use(
    http.post('*/v1/conversations/:id/messages', async () => {
      await holdSends
      return refuseSends ? refusal(refuseSends) : undefined
    }),
    http.post('*/v1/payment-requests/:id/checkout', () => (refuseCheckout ? refusal(refuseCheckout) : undefined)),
    ...createHandlers({ state: createServerState({ publicUrl: apiBase }) }),
  )
})
const mounted: PaychatWidget[] = []
afterEach(() => {
  for (const widget of mounted.splice(0)) widget.destroy()
  server.resetHandlers()
  vi.restoreAllMocks()
  document.body.replaceChildren()
})
afterAll(() => server.close())

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  }
}

/** The operator's side, through the operator API with the demo token. */
async function operator<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${apiBase}/v1/operator${path}`, {
    method,
    headers: { authorization: 'Bearer op_demo', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** A widget on the reference server, started, with every event it emitted recorded. */
async function widget(options: Partial<WidgetOptions> = {}) {
  const events: Array<[PaychatEventName, unknown]> = []
  const instance = createWidget({ widgetKey: 'wk_demo', apiBase, storage: memoryStorage(), locale: 'en', ...options })
  mounted.push(instance)
  for (const name of ['ready', 'open', 'close', 'message', 'payment:opened', 'payment:paid', 'payment:failed', 'payment:declined'] as const) {
    instance.on(name, (payload) => events.push([name, payload]))
  }
  const ready = await waitFor(() => {
    const event = events.find(([name]) => name === 'ready')
    if (!event) throw new Error('not ready yet')
    return event[1] as PaychatEventMap['ready']
  })
  const host = document.querySelector('paychat-widget') as HTMLElement
  const root = host.shadowRoot!
  // Start every test from a connected stream (an event sent earlier would still be replayed by Last-Event-ID).
  await waitFor(() => expect(requests).toContain(`GET /v1/conversations/${ready.conversationId}/events`))
  return {
    instance,
    host,
    root,
    ui: within(root as unknown as HTMLElement),
    conversationId: ready.conversationId,
    events,
    names: () => events.map(([name]) => name),
  }
}

/** Opens the panel with the launcher and waits for the brand's name in its header. */
async function openPanel(w: Awaited<ReturnType<typeof widget>>) {
  fireEvent.click(w.ui.getByRole('button', { name: 'Open chat' }))
  return w.ui.findByRole('dialog', { name: 'Acme Coffee' })
}

async function shareCard(conversationId: string, paymentPageId = 'pp_house_blend') {
  return operator<PaymentRequest>('POST', `/conversations/${conversationId}/payment-requests`, { paymentPageId })
}

describe('mounting', () => {
  test('mounts one paychat-widget host with an open shadow root and an adopted stylesheet', async () => {
    const w = await widget()
    expect(document.querySelectorAll('paychat-widget')).toHaveLength(1)
    expect(w.host.shadowRoot?.mode).toBe('open')
    expect(w.root.adoptedStyleSheets).toHaveLength(1)
    expect([...w.root.adoptedStyleSheets[0]!.cssRules].some((rule) => rule.cssText.includes('.pc-launcher'))).toBe(true)
    expect(w.root.querySelector('style')).toBeNull()
    expect(w.host.dataset.position).toBe('right')
  })
})

describe('panel', () => {
  test('the launcher opens a dialog named by the brand and focus moves to the Message box', async () => {
    const w = await widget()
    const dialog = await openPanel(w)
    const textbox = within(dialog).getByRole('textbox', { name: 'Message' })
    await waitFor(() => expect(w.root.activeElement).toBe(textbox))
    expect(w.ui.queryByRole('button', { name: 'Open chat' })).toBeNull()
    expect(w.names()).toContain('open')
  })

  test('Escape that cancels an IME composition leaves the panel open', async () => {
    const w = await widget()
    await openPanel(w)
    fireEvent.keyDown(w.ui.getByRole('textbox', { name: 'Message' }), { key: 'Escape', isComposing: true })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(w.ui.getByRole('dialog', { name: 'Acme Coffee' })).toBeTruthy()
    expect(w.names()).not.toContain('close')
  })

  test('Escape closes the panel and focus returns to the launcher', async () => {
    const w = await widget()
    await openPanel(w)
    fireEvent.keyDown(w.ui.getByRole('textbox', { name: 'Message' }), { key: 'Escape' })
    const launcher = await w.ui.findByRole('button', { name: 'Open chat' })
    expect(w.ui.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(w.root.activeElement).toBe(launcher))
    expect(w.names().filter((n) => n === 'open' || n === 'close')).toEqual(['open', 'close'])
  })
})

describe('conversation', () => {
  test('Enter sends: the message shows Sending… until the server has it, then Sent', async () => {
    const w = await widget()
    const dialog = await openPanel(w)
    let release!: () => void
    holdSends = new Promise((resolve) => (release = resolve))
    const textbox = within(dialog).getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    fireEvent.input(textbox, { target: { value: 'Do you ship to Osaka?' } })
    fireEvent.keyDown(textbox, { key: 'Enter' })

    const bubble = await within(dialog).findByText('Do you ship to Osaka?')
    const row = bubble.closest('li')!
    await waitFor(() => expect(within(row).getByText('Sending…')).toBeTruthy())
    expect(textbox.value).toBe('')

    release()
    await waitFor(() => expect(within(row).getByText('Sent')).toBeTruthy())
    expect(within(row).queryByText('Sending…')).toBeNull()
    const { messages } = await operator<{ messages: Message[] }>('GET', `/conversations/${w.conversationId}/messages`)
    expect(messages.filter((m) => m.text === 'Do you ship to Osaka?')).toHaveLength(1)
  })

  test('Shift+Enter does not send', async () => {
    const w = await widget()
    const dialog = await openPanel(w)
    const textbox = within(dialog).getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    fireEvent.input(textbox, { target: { value: 'first line' } })
    fireEvent.keyDown(textbox, { key: 'Enter', shiftKey: true })
    // Then the send button does send, which shows the Shift+Enter press was seen and ignored, not lost.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }))
    await within(dialog).findByText('Sent')
    expect(within(dialog).getAllByText('first line')).toHaveLength(1)
    expect(requests.filter((r) => r === `POST /v1/conversations/${w.conversationId}/messages`)).toHaveLength(1)
  })

  test('Enter while an IME is composing does not send', async () => {
    const w = await widget()
    const dialog = await openPanel(w)
    const textbox = within(dialog).getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    fireEvent.input(textbox, { target: { value: 'にほんご' } })
    fireEvent.keyDown(textbox, { key: 'Enter', isComposing: true })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(textbox.value).toBe('にほんご')
    expect(within(dialog).queryByText('にほんご', { selector: 'p' })).toBeNull()
  })

  test('the Enter that confirms an IME candidate in Safari (keyCode 229 after compositionend) does not send', async () => {
    const w = await widget()
    const dialog = await openPanel(w)
    const textbox = within(dialog).getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    fireEvent.input(textbox, { target: { value: 'かんじ' } })
    fireEvent.keyDown(textbox, { key: 'Enter', keyCode: 229, isComposing: false })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(textbox.value).toBe('かんじ')
    expect(requests.filter((r) => r === `POST /v1/conversations/${w.conversationId}/messages`)).toEqual([])
  })

  test('a blank message is not sent', async () => {
    const w = await widget()
    const dialog = await openPanel(w)
    const textbox = within(dialog).getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    fireEvent.input(textbox, { target: { value: '   \n  ' } })
    fireEvent.keyDown(textbox, { key: 'Enter' })
    fireEvent.input(textbox, { target: { value: 'real one' } })
    fireEvent.keyDown(textbox, { key: 'Enter' })
    await within(dialog).findByText('Sent')
    expect(requests.filter((r) => r === `POST /v1/conversations/${w.conversationId}/messages`)).toHaveLength(1)
  })

  test('a refused message shows Failed with the reason in the visitor\'s words (not the server\'s); Edit puts it back in the composer to fix and send', async () => {
    const w = await widget()
    const dialog = await openPanel(w)
    refuseSends = { status: 422, message: 'That message could not be accepted.' }
    const textbox = within(dialog).getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    fireEvent.input(textbox, { target: { value: 'hello?' } })
    fireEvent.keyDown(textbox, { key: 'Enter' })

    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('Failed: This message is too long. Please shorten it.')
    expect(alert.textContent).not.toContain('That message could not be accepted.')
    refuseSends = null
    fireEvent.click(within(alert).getByRole('button', { name: 'Edit' }))
    await waitFor(() => expect(textbox.value).toBe('hello?'))
    expect(within(dialog).queryByText('hello?')).toBeNull()
    fireEvent.keyDown(textbox, { key: 'Enter' })
    await within(dialog).findByText('Sent')
    expect(within(dialog).queryByRole('alert')).toBeNull()
    const { messages } = await operator<{ messages: Message[] }>('GET', `/conversations/${w.conversationId}/messages`)
    expect(messages.filter((m) => m.text === 'hello?')).toHaveLength(1)
  })

  test('an operator message arrives live, as text even when it holds HTML, and on("message") fires', async () => {
    const w = await widget()
    const dialog = await openPanel(w)
    const text = 'Try this: <img src=x onerror="alert(1)"><script>alert(2)</script>'
    await operator('POST', `/conversations/${w.conversationId}/messages`, { text })

    const bubble = await within(dialog).findByText(text)
    expect(bubble.textContent).toBe(text)
    expect(w.root.querySelector('img, script')).toBeNull()
    expect(within(bubble.closest('li')!).getByText('Acme Coffee')).toBeTruthy()
    const heard = w.events.filter(([name]) => name === 'message').map(([, payload]) => (payload as Message).text)
    expect(heard).toEqual([text])
  })

  test('the visitor’s own message does not fire on("message")', async () => {
    const w = await widget()
    const dialog = await openPanel(w)
    const textbox = within(dialog).getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    fireEvent.input(textbox, { target: { value: 'mine' } })
    fireEvent.keyDown(textbox, { key: 'Enter' })
    await within(dialog).findByText('Sent')
    await operator('POST', `/conversations/${w.conversationId}/messages`, { text: 'theirs' })
    await within(dialog).findByText('theirs')
    expect(w.events.filter(([name]) => name === 'message').map(([, p]) => (p as Message).text)).toEqual(['theirs'])
  })
})

describe('payment cards', () => {
  /** A widget with its panel open and the house blend card shared into the conversation. */
  async function withCard() {
    const w = await widget()
    const dialog = await openPanel(w)
    const shared = await shareCard(w.conversationId)
    const card = await within(dialog).findByRole('article', { name: 'House blend, 1 kg' })
    return { ...w, dialog, shared, card }
  }

  /** A fake popup: what `window.open` hands back when the browser allows it. */
  const fakeWindow = () => ({ closed: false, location: { href: '' }, close: vi.fn() })

  test('a card the operator shares appears with its amount and Pay now + Cancel', async () => {
    const { card } = await withCard()
    expect(within(card).getByText('$24.50')).toBeTruthy()
    expect(within(card).getByRole('status').textContent).toBe('Waiting for your payment')
    expect(within(card).getAllByRole('button').map((b) => b.textContent)).toEqual(['Pay now', 'Cancel'])
  })

  test('a recurring card says how often it charges', async () => {
    const w = await widget()
    const dialog = await openPanel(w)
    await shareCard(w.conversationId, 'pp_coffee_club')
    const card = await within(dialog).findByRole('article', { name: 'Coffee club subscription' })
    expect(within(card).getByText(/every 2 months/)).toBeTruthy()
  })

  test('Pay now opens the window inside the click, then points it at the checkout', async () => {
    const { card, shared, events } = await withCard()
    const popup = fakeWindow()
    const open = vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window)

    fireEvent.click(within(card).getByRole('button', { name: 'Pay now' }))
    // Synchronously, before any request is answered: a popup blocker only allows it inside the click.
    expect(open).toHaveBeenCalledTimes(1)
    expect(popup.location.href).toBe('')

    await waitFor(() => expect(popup.location.href).toMatch(/^http:\/\/paychat\.test\/checkout\/cs_/))
    await waitFor(() => expect(within(card).getByRole('status').textContent).toBe('Checkout open in another window'))
    expect(within(card).getAllByRole('button').map((b) => b.textContent)).toEqual(['Reopen checkout', 'Cancel'])
    expect(popup.close).not.toHaveBeenCalled()
    expect(within(card).queryByRole('link')).toBeNull()
    const opened = events.find(([name]) => name === 'payment:opened')?.[1] as PaychatEventMap['payment:opened']
    expect(opened).toMatchObject({ checkoutUrl: popup.location.href, paymentRequest: { id: shared.id, status: 'checkout_open' } })
  })

  test('Reopen checkout opens a new window on the same checkout session', async () => {
    const { card, shared } = await withCard()
    const first = fakeWindow()
    const second = fakeWindow()
    const open = vi.spyOn(window, 'open').mockReturnValueOnce(first as unknown as Window).mockReturnValueOnce(second as unknown as Window)
    fireEvent.click(within(card).getByRole('button', { name: 'Pay now' }))
    await waitFor(() => expect(first.location.href).toContain('/checkout/cs_'))

    fireEvent.click(await within(card).findByRole('button', { name: 'Reopen checkout' }))
    expect(open).toHaveBeenCalledTimes(2)
    await waitFor(() => expect(second.location.href).toBe(first.location.href))
    expect(requests.filter((r) => r === `POST /v1/payment-requests/${shared.id}/checkout`)).toHaveLength(2)
    expect(within(card).getByRole('status').textContent).toBe('Checkout open in another window')
  })

  test('buttons are disabled and the card is busy while the checkout call is in flight', async () => {
    const { card } = await withCard()
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    server.use(http.post('*/v1/payment-requests/:id/checkout', async () => void (await held)))
    const popup = fakeWindow()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    fireEvent.click(within(card).getByRole('button', { name: 'Pay now' }))

    await waitFor(() => expect(card.getAttribute('aria-busy')).toBe('true'))
    expect(within(card).getAllByRole('button').map((b) => (b as HTMLButtonElement).disabled)).toEqual([true, true])
    release()
    await waitFor(() => expect(popup.location.href).toContain('/checkout/cs_'))
    expect(card.getAttribute('aria-busy')).toBe('false')
  })

  test('a blocked popup (window.open returns null) offers an Open checkout link', async () => {
    const { card } = await withCard()
    vi.spyOn(window, 'open').mockReturnValue(null)
    fireEvent.click(within(card).getByRole('button', { name: 'Pay now' }))

    const link = await within(card).findByRole('link', { name: 'Open checkout' })
    expect(link.getAttribute('href')).toMatch(/^http:\/\/paychat\.test\/checkout\/cs_/)
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    expect(within(card).getByText(/Your browser blocked the checkout window/)).toBeTruthy()
  })

  test('a popup the visitor closed before the checkout URL came also gets the link', async () => {
    const { card } = await withCard()
    const popup = { ...fakeWindow(), closed: true }
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    fireEvent.click(within(card).getByRole('button', { name: 'Pay now' }))
    expect(await within(card).findByRole('link', { name: 'Open checkout' })).toBeTruthy()
    expect(popup.location.href).toBe('')
  })

  test('a refused checkout closes the blank window and shows why on the card, in the visitor\'s words', async () => {
    const { card } = await withCard()
    const popup = fakeWindow()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    refuseCheckout = { status: 409, message: 'This payment request can no longer be paid.' }
    fireEvent.click(within(card).getByRole('button', { name: 'Pay now' }))

    const alert = await within(card).findByRole('alert')
    expect(alert.textContent).toBe('This payment request has changed, so that is no longer possible.')
    await waitFor(() => expect(popup.close).toHaveBeenCalledTimes(1))
    expect(popup.location.href).toBe('')
    expect(within(card).queryByRole('link')).toBeNull()
  })

  test('Cancel declines the card: "You cancelled this payment." and on("payment:declined")', async () => {
    const { card, shared, events } = await withCard()
    fireEvent.click(within(card).getByRole('button', { name: 'Cancel' }))

    await waitFor(() => expect(within(card).getByRole('status').textContent).toBe('You cancelled this payment.'))
    expect(within(card).queryAllByRole('button')).toEqual([])
    const declined = events.filter(([name]) => name === 'payment:declined').map(([, p]) => (p as PaychatEventMap['payment:declined']).paymentRequest)
    expect(declined).toHaveLength(1)
    expect(declined[0]).toMatchObject({ id: shared.id, status: 'declined' })
  })

  test('paying in the checkout turns the card paid, with the receipt, and on("payment:paid")', async () => {
    const { card, shared, events } = await withCard()
    const popup = fakeWindow()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    fireEvent.click(within(card).getByRole('button', { name: 'Pay now' }))
    await waitFor(() => expect(popup.location.href).toContain('/checkout/cs_'))

    const session = new URL(popup.location.href).pathname.split('/').pop()!
    const res = await fetch(`${apiBase}/v1/checkout/sessions/${session}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ name: 'Ada Lovelace', number: '4242 4242 4242 4242', expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123' }),
    })
    expect(res.status).toBe(200)

    await waitFor(() => expect(within(card).getByRole('status').textContent).toBe('Paid with Visa •••• 4242'))
    expect(within(card).getByText(/^Reference /)).toBeTruthy()
    expect(within(card).queryAllByRole('button')).toEqual([])
    const paid = events.filter(([name]) => name === 'payment:paid').map(([, p]) => (p as PaychatEventMap['payment:paid']).paymentRequest)
    expect(paid).toMatchObject([{ id: shared.id, status: 'paid' }])
  })

  test('a card the operator withdraws says so live and offers nothing', async () => {
    const { card, shared } = await withCard()
    await operator('POST', `/payment-requests/${shared.id}/revoke`)
    await waitFor(() => expect(within(card).getByRole('status').textContent).toBe('Withdrawn by Acme Coffee'))
    expect(within(card).queryAllByRole('button')).toEqual([])
  })
})

describe('checkout window hints', () => {
  const hint = (paymentRequestId: unknown, origin: string, type = 'paychat:checkout') =>
    window.dispatchEvent(new MessageEvent('message', { data: { type, paymentRequestId }, origin }))
  const refetches = (id: string) => requests.filter((r) => r === `GET /v1/payment-requests/${id}`)

  test('a hint from a foreign origin is ignored; one from the API origin refetches the card', async () => {
    const w = await widget()
    const shared = await shareCard(w.conversationId)

    hint(shared.id, 'https://evil.example')
    hint(shared.id, 'http://paychat.test.evil.example')
    hint(shared.id, apiBase, 'something:else')
    hint(42, apiBase)
    // The real hint goes last: once its refetch is seen, any refetch the others caused would be too.
    hint(shared.id, apiBase)
    await waitFor(() => expect(refetches(shared.id)).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(refetches(shared.id)).toHaveLength(1)
  })

  test('after destroy() hints are no longer heard', async () => {
    const w = await widget()
    const shared = await shareCard(w.conversationId)
    hint(shared.id, apiBase)
    await waitFor(() => expect(refetches(shared.id)).toHaveLength(1))

    w.instance.destroy()
    hint(shared.id, apiBase)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(refetches(shared.id)).toHaveLength(1)
  })
})

describe('createWidget', () => {
  test('adds nothing to the page but its host, even with the panel open', async () => {
    const head = [...document.head.children]
    const before = [...document.body.children]
    const w = await widget()
    await openPanel(w)
    expect([...document.head.children]).toEqual(head)
    expect([...document.body.children]).toEqual([...before, w.host])
  })

  test('renders into target when given one, styled through the shadow root', async () => {
    const target = document.createElement('div')
    document.body.append(target)
    const w = await widget({ target, position: 'left', color: '#123456' })
    expect(w.host.parentElement).toBe(target)
    expect(w.host.dataset.position).toBe('left')
    expect(w.host.style.getPropertyValue('--pc-accent')).toBe('#123456')
  })

  test('takes the accent colour from the brand when none is given', async () => {
    const w = await widget()
    expect(w.host.style.getPropertyValue('--pc-accent')).toBe('#7a3e1d')
  })

  test('an invalid colour is ignored in favour of the brand’s', async () => {
    const w = await widget({ color: 'red; background: url(x)' })
    expect(w.host.style.getPropertyValue('--pc-accent')).toBe('#7a3e1d')
  })

  test('falls back to a <style> in the shadow root where constructable stylesheets are missing', async () => {
    const replaceSync = CSSStyleSheet.prototype.replaceSync
    // Older Safari: no replaceSync.
    ;(CSSStyleSheet.prototype as { replaceSync?: unknown }).replaceSync = undefined
    try {
      const w = await widget()
      const style = w.root.querySelector('style')
      expect(style?.textContent).toContain('.pc-launcher')
      expect(w.root.adoptedStyleSheets).toHaveLength(0)
      expect(document.head.querySelector('style')).toBeNull()
    } finally {
      CSSStyleSheet.prototype.replaceSync = replaceSync
    }
  })

  test('speaks the page’s language when no locale is given', async () => {
    document.documentElement.lang = 'ja-JP'
    try {
      const w = await widget({ locale: undefined })
      expect(w.ui.getByRole('button', { name: 'チャットを開く' })).toBeTruthy()
    } finally {
      document.documentElement.lang = ''
    }
  })

  test('open() and close() drive the panel and fire open/close', async () => {
    const w = await widget()
    w.instance.open()
    await w.ui.findByRole('dialog', { name: 'Acme Coffee' })
    w.instance.close()
    await w.ui.findByRole('button', { name: 'Open chat' })
    expect(w.names().filter((n) => n === 'open' || n === 'close')).toEqual(['open', 'close'])
  })

  test('destroy() removes the host and stops the handlers', async () => {
    const w = await widget()
    const heard: string[] = []
    w.instance.on('message', (m) => heard.push(m.text))
    w.instance.destroy()
    expect(document.querySelector('paychat-widget')).toBeNull()
    expect(w.host.isConnected).toBe(false)
    await operator('POST', `/conversations/${w.conversationId}/messages`, { text: 'anyone there?' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(heard).toEqual([])
  })

  const example = '{ widgetKey: "wk_demo", apiBase: "https://chat.example.com" }'
  test.each([
    ['no options', undefined, /widgetKey must be a non-empty string/],
    ['an empty object', {}, /widgetKey must be a non-empty string/],
    ['a blank widgetKey', { widgetKey: '  ', apiBase }, /widgetKey must be a non-empty string/],
    ['a numeric widgetKey', { widgetKey: 42, apiBase }, /widgetKey must be a non-empty string/],
    ['no apiBase', { widgetKey: 'wk_demo' }, /apiBase must be an absolute URL/],
    ['a relative apiBase', { widgetKey: 'wk_demo', apiBase: 'chat.example.com' }, /apiBase must be an absolute URL/],
  ])('%s throws a TypeError that shows the expected shape', (_, options, message) => {
    const call = () => createWidget(options as unknown as WidgetOptions)
    expect(call).toThrow(TypeError)
    expect(call).toThrow(message)
    expect(call).toThrow(example)
    expect(document.querySelector('paychat-widget')).toBeNull()
  })

  test.each([
    ['a selector string', '#chat'],
    ['a plain object', { id: 'chat' }],
    ['a text node', 'text-node'],
  ])('a target that is %s throws a TypeError that shows the expected shape', (_, target) => {
    const value = target === 'text-node' ? document.createTextNode('x') : target
    const call = () => createWidget({ widgetKey: 'wk_demo', apiBase, target: value as unknown as HTMLElement })
    expect(call).toThrow(TypeError)
    expect(call).toThrow(/createWidget: target must be an element/)
    expect(call).toThrow('document.getElementById("chat")')
    expect(document.querySelector('paychat-widget')).toBeNull()
  })

  test('a locale that is not a string is ignored like an unknown one', async () => {
    const w = await widget({ locale: 42 as unknown as string })
    expect(w.ui.getByRole('button', { name: 'Open chat' })).toBeTruthy()
  })

  test('works in browsers without URL.canParse (Safari before 17, Chrome before 120)', async () => {
    const canParse = URL.canParse
    ;(URL as { canParse?: unknown }).canParse = undefined
    try {
      const w = await widget()
      expect(w.ui.getByRole('button', { name: 'Open chat' })).toBeTruthy()
      expect(() => createWidget({ widgetKey: 'wk_demo', apiBase: 'not a url' })).toThrow(/apiBase must be an absolute URL/)
    } finally {
      URL.canParse = canParse
    }
  })

  test('called where there is no document (server rendering) it says so instead of crashing', () => {
    vi.stubGlobal('document', undefined)
    try {
      expect(() => createWidget({ widgetKey: 'wk_demo', apiBase })).toThrow(/needs a browser.*not during server rendering/)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  test('a bad position is not thrown: it is warned about, naming the rule and what it got, and the widget sits right', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const w = await widget({ position: 'top' as 'left' })
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Paychat: position "top" is ignored: it must match .*left\|right/))
    expect(w.host.dataset.position).toBe('right')
  })
})
