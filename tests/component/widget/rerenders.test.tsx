import { act, fireEvent, render, screen, within } from '@testing-library/preact'
import { Fragment, options, type VNode } from 'preact'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { translator } from '../../../src/i18n/translate'
import { createChatStore } from '../../../src/store/index'
import { App } from '../../../src/widget/app'
import { Widget, widgetContext } from '../../../src/widget/widget-context'
import { fakeClient, memoryStorage } from '../../unit/store/fake-client'
import { card, message } from '../../unit/store/fixtures'

/**
 * The widget's components read the signals they show and re-render alone when those change: the
 * renders of each component (by name) are counted through Preact's render hook.
 */
const renders = new Map<string, number>()
type RenderHook = ((vnode: VNode) => void) | undefined
const hooks = options as { __r?: RenderHook }
let previous: RenderHook
beforeAll(() => {
  previous = hooks.__r
  hooks.__r = (vnode) => {
    previous?.(vnode)
    // Fragments are what a component returns (a list of rows), not components of their own.
    if (typeof vnode.type === 'function' && vnode.type !== Fragment) renders.set(vnode.type.name, (renders.get(vnode.type.name) ?? 0) + 1)
  }
})
afterAll(() => {
  hooks.__r = previous
})
beforeEach(() => renders.clear())

/** Renders since the last call, by component name (those that did not render left out). */
function rendered(): Record<string, number> {
  const counts = Object.fromEntries(renders)
  renders.clear()
  return counts
}

/** The widget on a started store (a fake client), panel `open` or not; a card and two messages in it. */
async function mounted(open: boolean) {
  const { client, fake } = fakeClient()
  fake.page = [
    message('msg_1', 1, { text: 'Hello there' }),
    message('msg_2', 2, { type: 'payment_request', paymentRequest: card('pr_1', 'pending', 2) }),
    message('msg_3', 3, { text: 'Here is your card' }),
  ]
  const store = createChatStore({ client, storage: memoryStorage(), tabs: null, network: null })
  await store.getState().start()
  const context = widgetContext(store, 'en', translator('en'), { open })
  render(
    <Widget.Provider value={context}>
      <App look={{}} />
    </Widget.Provider>,
  )
  rendered()
  return { store, fake, view: context.view }
}

describe('what re-renders when one thing changes', () => {
  test('typing in the composer re-renders nothing: not the message list, not even the composer', async () => {
    await mounted(true)
    const textbox = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    act(() => void fireEvent.input(textbox, { target: { value: 'Do you ship to Osaka?' } }))
    expect(rendered()).toEqual({})
    expect(textbox.value).toBe('Do you ship to Osaka?')
  })

  test('an unread change re-renders the launcher alone; with the panel open it re-renders nothing, not the composer', async () => {
    const closed = await mounted(false)
    act(() => void (closed.view.unread.value = 2))
    expect(rendered()).toEqual({ Launcher: 1 })
    expect(screen.getByRole('button', { name: 'Open chat (New messages: 2)' })).toBeTruthy()

    document.body.replaceChildren()
    const open = await mounted(true)
    act(() => void (open.view.unread.value = 3))
    expect(rendered()).toEqual({})
  })

  test('a new message re-renders the list and its own row, not the other rows, the card, the notices or the composer', async () => {
    const { fake } = await mounted(true)
    act(() => void fake.push({ type: 'message.created', conversationId: 'conv_1', message: message('msg_4', 4, { text: 'Anything else?' }) }, '5'))
    expect(rendered()).toEqual({ MessageList: 1, MessageItem: 1 })
    expect(screen.getByText('Anything else?')).toBeTruthy()
  })

  test('a card that changes re-renders its card alone', async () => {
    const { fake } = await mounted(true)
    act(() => void fake.push({ type: 'payment_request.updated', conversationId: 'conv_1', paymentRequest: card('pr_1', 'paid', 9) }, '5'))
    expect(rendered()).toEqual({ CardSlot: 1, PaymentCard: 1 })
    expect(screen.getByText(/^Paid with/)).toBeTruthy()
  })

  test('the stream reconnecting re-renders the notices alone', async () => {
    const { fake } = await mounted(true)
    act(() => void fake.status('reconnecting'))
    expect(rendered()).toEqual({ Notices: 1 })
    expect(within(screen.getByRole('dialog')).getAllByRole('status')[0]!.textContent).toBe('Reconnecting…')
  })

  test('opening the chat renders the panel; the counts are real (a render hook that saw nothing would pass the rest)', async () => {
    const { view } = await mounted(false)
    act(() => void (view.open.value = true))
    expect(rendered()).toMatchObject({ App: 1, Panel: 1, Composer: 1, MessageList: 1 })
  })
})
