import { act, fireEvent, render, screen, within } from '@testing-library/preact'
import { describe, expect, test, vi } from 'vitest'
import { createStore } from 'zustand/vanilla'
import { translator } from '../../../src/i18n/translate'
import type { Message, PublicBrand } from '../../../src/protocol/types'
import type { ChatActions, ChatMessage, ChatState, ChatStore } from '../../../src/store/types'
import { Panel } from '../../../src/widget/panel'
import { Widget, widgetContext } from '../../../src/widget/widget-context'

const brand: PublicBrand = {
  id: 'brand_acme',
  name: 'Acme Coffee',
  currency: 'USD',
  color: '#7a3e1d',
  greeting: 'Hi! How can we help?',
  checkoutOrigins: [],
  linkOrigins: [],
  whatsapp: false,
}

let seq = 0
function chatMessage(over: Partial<ChatMessage> & { author: Message['author'] }): ChatMessage {
  seq += 1
  return {
    id: `msg_${seq}`,
    conversationId: 'conv_1',
    clientId: null,
    type: 'text',
    text: '',
    paymentRequest: null,
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    sendStatus: 'sent',
    sendError: null,
    ...over,
  }
}

/** A store in a given state, with every action a spy: the panel is checked against what it reads. */
function fakeStore(state: Partial<ChatState> = {}): ChatStore {
  const actions: ChatActions = {
    start: vi.fn(async () => {}),
    send: vi.fn(),
    retry: vi.fn(),
    edit: vi.fn(),
    discard: vi.fn(),
    takeDraft: vi.fn(),
    checkout: vi.fn(),
    decline: vi.fn(async () => {}),
    refreshCard: vi.fn(async () => {}),
    continueOnWhatsApp: vi.fn(),
    allowsLink: vi.fn(() => false),
    loadOlder: vi.fn(async () => {}),
    trimOlder: vi.fn(),
    identify: vi.fn(async () => {}),
    stop: vi.fn(),
  }
  return createStore<ChatState & ChatActions>()(() => ({
    phase: 'ready',
    error: null,
    brand,
    conversation: { id: 'conv_1', brandId: brand.id, visitorId: 'vis_1', createdAt: '', updatedAt: '' },
    messages: [],
    hasMore: false,
    loadingOlder: false, olderError: null,
    cards: {},
    busyCards: {},
    cardErrors: {},
    connection: 'open',
    lastEventId: null,
    notice: null,
    draft: null,
    visitor: null,
    ...actions,
    ...state,
  }))
}

function renderPanel(store: ChatStore, onClose = vi.fn()) {
  render(
    <Widget.Provider value={widgetContext(store, 'en', translator('en'))}>
      <Panel onClose={onClose} />
    </Widget.Provider>,
  )
  return { onClose, log: screen.getByRole('log') }
}

describe('message list', () => {
  test('is a polite live log', () => {
    const { log } = renderPanel(fakeStore())
    expect(log.getAttribute('aria-live')).toBe('polite')
  })

  test('shows the brand greeting, operator and bot names, and system lines without a name', () => {
    const store = fakeStore({
      messages: [
        chatMessage({ author: { role: 'operator', name: 'Mia' }, text: 'Welcome in.' }),
        chatMessage({ author: { role: 'bot', name: 'Beanbot' }, text: 'I can take your order.' }),
        chatMessage({ author: { role: 'system', name: null }, text: 'Continued on WhatsApp' }),
      ],
    })
    const { log } = renderPanel(store)
    const rows = within(log).getAllByRole('listitem').map((row) => row.textContent)
    expect(rows).toEqual(['Hi! How can we help?', 'MiaWelcome in.', 'BeanbotI can take your order.', 'Continued on WhatsApp'])
  })

  test('HTML in a message is shown as text: no element is created from it', () => {
    const text = '<img src=x onerror=alert(1)>'
    const store = fakeStore({
      messages: [
        chatMessage({ author: { role: 'visitor', name: null }, text }),
        chatMessage({ author: { role: 'operator', name: '<b>Mia</b>' }, text }),
      ],
    })
    const { log } = renderPanel(store)
    expect(log.querySelector('img, b')).toBeNull()
    expect(within(log).getAllByText(text)).toHaveLength(2)
    expect(within(log).getByText('<b>Mia</b>')).toBeTruthy()
  })

  test('own messages say Sending…, Sent, Waiting to send (with Retry), or Failed with the reason, Edit and Delete', () => {
    const visitor = { role: 'visitor', name: null } as const
    const store = fakeStore({
      messages: [
        chatMessage({ author: visitor, clientId: 'c_1', text: 'one', sendStatus: 'sent' }),
        chatMessage({ author: visitor, clientId: 'c_2', text: 'two', sendStatus: 'sending' }),
        chatMessage({ author: visitor, clientId: 'c_3', text: 'three', sendStatus: 'queued', sendError: { code: 'offline' } }),
        chatMessage({ author: visitor, clientId: 'c_4', text: 'four', sendStatus: 'failed', sendError: { code: 'server', status: 422, serverCode: 'message_too_long' } }),
      ],
    })
    const { log } = renderPanel(store)
    const row = (text: string) => within(log).getByText(text).closest('li')!
    expect(within(row('one')).getByText('Sent')).toBeTruthy()
    expect(within(row('two')).getByText('Sending…')).toBeTruthy()
    expect(row('three').textContent).toContain('Waiting to send')
    fireEvent.click(within(row('three')).getByRole('button', { name: 'Retry' }))
    expect(store.getState().retry).toHaveBeenCalledWith('c_3')
    const alert = within(row('four')).getByRole('alert')
    expect(alert.textContent).toContain('Failed: This message is too long. Please shorten it.')
    fireEvent.click(within(alert).getByRole('button', { name: 'Edit' }))
    expect(store.getState().edit).toHaveBeenCalledWith('c_4')
    fireEvent.click(within(alert).getByRole('button', { name: 'Delete' }))
    expect(store.getState().discard).toHaveBeenCalledWith('c_4')
  })
})

describe('composer', () => {
  test('Enter sends each message at once, even while earlier ones are still sending', () => {
    const store = fakeStore({
      messages: [chatMessage({ author: { role: 'visitor', name: null }, clientId: 'c_1', text: 'earlier', sendStatus: 'sending' })],
    })
    renderPanel(store)
    const textbox = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    for (const text of ['first', 'second']) {
      fireEvent.input(textbox, { target: { value: text } })
      fireEvent.keyDown(textbox, { key: 'Enter' })
    }
    expect(vi.mocked(store.getState().send).mock.calls).toEqual([['first'], ['second']])
    expect(textbox.disabled).toBe(false)
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(false)
  })

  test('Shift+Enter keeps the text for a new line instead of sending', () => {
    const store = fakeStore()
    renderPanel(store)
    const textbox = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    fireEvent.input(textbox, { target: { value: 'line one' } })
    const event = fireEvent.keyDown(textbox, { key: 'Enter', shiftKey: true })
    expect(event).toBe(true)
    expect(store.getState().send).not.toHaveBeenCalled()
    expect(textbox.value).toBe('line one')
  })

  test('the Send button sends the text as typed, newlines included', () => {
    const store = fakeStore()
    renderPanel(store)
    const textbox = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    fireEvent.input(textbox, { target: { value: 'line one\nline two' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(store.getState().send).toHaveBeenCalledWith('line one\nline two')
    expect(textbox.value).toBe('')
  })
})

describe('panel notices', () => {
  test('Reconnecting… shows while the stream reconnects and goes once it is open again', () => {
    const store = fakeStore()
    renderPanel(store)
    expect(screen.queryByText('Reconnecting…')).toBeNull()
    act(() => store.setState({ connection: 'reconnecting' }))
    expect(screen.getByRole('status').textContent).toBe('Reconnecting…')
    act(() => store.setState({ connection: 'open' }))
    expect(screen.queryByText('Reconnecting…')).toBeNull()
  })

  test('a failed start says why and Try again starts again', () => {
    const store = fakeStore({ phase: 'error', error: { code: 'server', status: 404, serverCode: 'unknown_widget_key' }, brand: null, conversation: null })
    renderPanel(store)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('This chat is not set up correctly. Please contact the website.')
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(store.getState().start).toHaveBeenCalledTimes(1)
  })

  test('the dialog is named by the brand and its close button calls onClose', () => {
    const { onClose } = renderPanel(fakeStore())
    expect(screen.getByRole('dialog', { name: 'Acme Coffee' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Close chat' }))
    expect(onClose).toHaveBeenCalledTimes(1)
  })
})
