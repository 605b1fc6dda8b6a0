import { act, fireEvent, render, screen, within } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { translator } from '../../../src/i18n/translate'
import type { Message } from '../../../src/protocol/types'
import { KEPT_MESSAGES } from '../../../src/store/index'
import { createChatStore } from '../../../src/store/index'
import type { ChatStore } from '../../../src/store/types'
import { MessageList } from '../../../src/widget/message-list'
import { Widget, widgetContext } from '../../../src/widget/widget-context'
import { windowOf } from '../../../src/widget/windowing'
import { fakeClient, memoryStorage } from '../../unit/store/fake-client'
import { message } from '../../unit/store/fixtures'

describe('windowOf', () => {
  const even = Array.from({ length: 100 }, () => 50)

  test('renders the rows in view plus the overscan, and sizes the space of the others', () => {
    // Rows 20..29 fill [1000, 1500).
    expect(windowOf(even, 1000, 500, 2)).toEqual({ start: 18, end: 32, top: 900, bottom: 3400 })
    // Half of row 20 and half of row 30 show.
    expect(windowOf(even, 1025, 500, 0)).toEqual({ start: 20, end: 31, top: 1000, bottom: 3450 })
  })

  test('Infinity (or anything past the end) is the bottom; a negative scrollTop is the top', () => {
    expect(windowOf(even, Infinity, 500, 3)).toEqual({ start: 87, end: 100, top: 4350, bottom: 0 })
    expect(windowOf(even, 99_999, 500, 0)).toEqual(windowOf(even, 4500, 500, 0))
    expect(windowOf(even, -40, 500, 1)).toEqual({ start: 0, end: 11, top: 0, bottom: 4450 })
  })

  test('uneven heights: top and bottom are the sums of the rows left out', () => {
    const sizes = [100, 20, 20, 300, 40, 40, 40]
    // [130, 230) shows row 2 (120-140) and row 3 (140-440).
    expect(windowOf(sizes, 130, 100, 0)).toEqual({ start: 2, end: 4, top: 120, bottom: 120 })
    expect(windowOf(sizes, 130, 100, 1)).toEqual({ start: 1, end: 5, top: 100, bottom: 80 })
  })

  test('a list shorter than the viewport is rendered whole; an empty one is nothing', () => {
    expect(windowOf([30, 30, 30], Infinity, 600, 10)).toEqual({ start: 0, end: 3, top: 0, bottom: 0 })
    expect(windowOf([], Infinity, 600, 10)).toEqual({ start: 0, end: 0, top: 0, bottom: 0 })
  })

  test('a viewport of zero still shows the row at scrollTop', () => {
    expect(windowOf(even, 510, 0, 0)).toEqual({ start: 10, end: 11, top: 500, bottom: 4450 })
  })
})

/** A store started on a conversation of `count` messages, served in pages of `size` like the reference server. */
async function conversationOf(count: number, size = count) {
  const { client, fake } = fakeClient()
  const history: Message[] = Array.from({ length: count }, (_, i) => message(`msg_${i + 1}`, 1, { text: `Message ${i + 1}` }))
  client.listMessages = async (_id, page = {}) => {
    const end = page.before ? history.findIndex((m) => m.id === page.before) : history.length
    const start = Math.max(0, end - size)
    return { messages: history.slice(start, end), hasMore: start > 0, lastEventId: '4' }
  }
  const store = createChatStore({ client, storage: memoryStorage(), locale: 'en', tabs: null, network: null })
  await store.getState().start()
  return { store, fake }
}

function renderList(store: ChatStore) {
  render(
    <Widget.Provider value={widgetContext(store, 'en', translator('en'))}>
      <MessageList />
    </Widget.Provider>,
  )
  return screen.getByRole('log')
}

/** happy-dom lays nothing out: give the list the geometry of a tall history scrolled to `scrollTop`. */
function scrollTo(log: HTMLElement, scrollTop: number) {
  Object.defineProperty(log, 'clientHeight', { configurable: true, value: 600 })
  Object.defineProperty(log, 'scrollHeight', { configurable: true, value: 300_000 })
  log.scrollTop = scrollTop
  fireEvent.scroll(log)
}

const operatorMessage = (n: number) => message(`msg_new_${n}`, 50, { text: `Fresh news ${n}` })

describe('a conversation of 5,000 messages', () => {
  test('renders far fewer rows than messages, the newest among them, and keeps the greeting and the polite log', async () => {
    const { store } = await conversationOf(5000)
    const log = renderList(store)
    const rows = within(log).getAllByRole('listitem')
    expect(rows.length).toBeLessThan(60)
    expect(rows[0]?.textContent).toBe('Hi')
    expect(within(log).getByText('Message 5000')).toBeTruthy()
    expect(within(log).queryByText('Message 1')).toBeNull()
    // What is left out is one spacer, hidden from assistive technology.
    expect(log.querySelectorAll('.pc-spacer[aria-hidden="true"]')).toHaveLength(1)
    expect(log.getAttribute('aria-live')).toBe('polite')
    store.getState().stop()
  })

  test('at the bottom, only the newest messages stay loaded, so each new event costs the same however long the history', async () => {
    const { store } = await conversationOf(5000)
    renderList(store)
    expect(store.getState().messages).toHaveLength(KEPT_MESSAGES)
    expect(store.getState().messages.at(-1)?.id).toBe('msg_5000')
    expect(store.getState().hasMore).toBe(true)
    store.getState().stop()
  })

  test('at the bottom, a new message shows without a pill', async () => {
    const { store, fake } = await conversationOf(5000)
    const log = renderList(store)
    act(() => fake.push({ type: 'message.created', conversationId: 'conv_1', message: operatorMessage(1) }, '5'))
    expect(within(log).getByText('Fresh news 1')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'New messages' })).toBeNull()
    store.getState().stop()
  })

  test('scrolled up, a new message brings the New messages pill; pressing it goes to the bottom and hides it', async () => {
    const { store, fake } = await conversationOf(5000)
    const log = renderList(store)
    act(() => scrollTo(log, 150_000))
    act(() => fake.push({ type: 'message.created', conversationId: 'conv_1', message: operatorMessage(1) }, '5'))
    const pill = screen.getByRole('button', { name: 'New messages' })
    act(() => void fireEvent.click(pill))
    expect(screen.queryByRole('button', { name: 'New messages' })).toBeNull()
    expect(within(log).getByText('Fresh news 1')).toBeTruthy()
    expect(log.scrollTop).toBeGreaterThan(150_000)
    store.getState().stop()
  })

  test('the pill also goes when the visitor scrolls to the bottom', async () => {
    const { store, fake } = await conversationOf(5000)
    const log = renderList(store)
    act(() => scrollTo(log, 150_000))
    act(() => fake.push({ type: 'message.created', conversationId: 'conv_1', message: operatorMessage(1) }, '5'))
    expect(screen.getByRole('button', { name: 'New messages' })).toBeTruthy()
    act(() => scrollTo(log, 300_000 - 600))
    expect(screen.queryByRole('button', { name: 'New messages' })).toBeNull()
    store.getState().stop()
  })

  test('what the visitor sends while scrolled up takes them to the bottom, with no pill', async () => {
    const { store } = await conversationOf(5000)
    const log = renderList(store)
    act(() => scrollTo(log, 150_000))
    act(() => store.getState().send('My own words'))
    expect(within(log).getByText('My own words')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'New messages' })).toBeNull()
    store.getState().stop()
  })

  test('scrolling near the top reads older pages from the server, and the DOM stays small', async () => {
    const { store } = await conversationOf(5000, 50)
    const log = renderList(store)
    expect(store.getState().messages).toHaveLength(50)
    // Far from the top: no read.
    act(() => scrollTo(log, 5000))
    expect(store.getState().loadingOlder).toBe(false)
    // Within a screen of the top: the next page comes.
    act(() => scrollTo(log, 100))
    expect(store.getState().loadingOlder).toBe(true)
    await act(() => store.getState().loadOlder())
    expect(store.getState().messages).toHaveLength(100)
    expect(store.getState().messages[0]?.text).toBe('Message 4901')
    expect(within(log).getAllByRole('listitem').length).toBeLessThan(60)
    store.getState().stop()
  })
})
