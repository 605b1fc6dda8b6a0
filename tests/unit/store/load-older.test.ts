import { describe, expect, test } from 'vitest'
import type { PaychatClient } from '../../../src/client/types'
import type { Message } from '../../../src/protocol/types'
import { KEPT_MESSAGES } from '../../../src/store/index'
import { createChatStore } from '../../../src/store/index'
import { fakeClient, memoryStorage } from './fake-client'
import { card, message } from './fixtures'

/** A server history of `count` messages, all at the same second, read in pages of `size` like the real server. */
function pagedHistory(client: PaychatClient, count: number, size: number) {
  const history: Message[] = Array.from({ length: count }, (_, i) => message(`msg_${i + 1}`, 1))
  const reads: Array<string | undefined> = []
  client.listMessages = async (_conversationId, page = {}) => {
    reads.push(page.before)
    const end = page.before ? history.findIndex((m) => m.id === page.before) : history.length
    const start = Math.max(0, end - size)
    return { messages: history.slice(start, end), hasMore: start > 0, lastEventId: '4' }
  }
  return { history, reads }
}

async function started(count: number, size: number) {
  const { client, fake } = fakeClient()
  const server = pagedHistory(client, count, size)
  const store = createChatStore({ client, storage: memoryStorage(), locale: 'en', tabs: null, network: null })
  await store.getState().start()
  return { store, client, fake, ...server }
}

const ids = (messages: ReadonlyArray<{ id: string }>) => messages.map((m) => m.id)

test('loadOlder reads the page before the oldest message shown and puts it above, in server order, until there is no more', async () => {
  const { store, history, reads } = await started(7, 3)
  expect(ids(store.getState().messages)).toEqual(['msg_5', 'msg_6', 'msg_7'])
  expect(store.getState().hasMore).toBe(true)

  await store.getState().loadOlder()
  // Every message has the same createdAt: the order is the server's, not a sort.
  expect(ids(store.getState().messages)).toEqual(['msg_2', 'msg_3', 'msg_4', 'msg_5', 'msg_6', 'msg_7'])
  expect(store.getState().hasMore).toBe(true)
  await store.getState().loadOlder()
  expect(ids(store.getState().messages)).toEqual(ids(history))
  expect(store.getState().hasMore).toBe(false)
  expect(store.getState().loadingOlder).toBe(false)

  // Nothing more to read: no request.
  await store.getState().loadOlder()
  expect(reads).toEqual([undefined, 'msg_5', 'msg_2'])
})

test('a second call while one is reading gets the same promise and makes no second request', async () => {
  const { store, reads } = await started(10, 4)
  const first = store.getState().loadOlder()
  const second = store.getState().loadOlder()
  expect(second).toBe(first)
  expect(store.getState().loadingOlder).toBe(true)
  await first
  expect(reads).toEqual([undefined, 'msg_7'])
  expect(store.getState().messages).toHaveLength(8)
  // Done: the next call reads the next page.
  await store.getState().loadOlder()
  expect(reads).toEqual([undefined, 'msg_7', 'msg_3'])
})

test('a failure never rejects: it keeps hasMore, says why, and the next call tries again', async () => {
  const { store, client } = await started(6, 3)
  const working = client.listMessages
  client.listMessages = async () => {
    throw new Error('boom')
  }
  await expect(store.getState().loadOlder()).resolves.toBeUndefined()
  expect(store.getState()).toMatchObject({ hasMore: true, loadingOlder: false, olderError: { code: 'older_failed' } })
  expect(store.getState().messages).toHaveLength(3)

  client.listMessages = working
  await store.getState().loadOlder()
  expect(store.getState()).toMatchObject({ hasMore: false, olderError: null })
  expect(store.getState().messages).toHaveLength(6)
})

test('own unsent messages stay at the end, known messages are not repeated, and cards of older messages are known', async () => {
  const { client, fake } = fakeClient()
  const history = [
    message('msg_1', 1, { type: 'payment_request', paymentRequest: card('pr_old', 'paid', 3) }),
    message('msg_2', 2),
    message('msg_3', 3),
  ]
  fake.page = history.slice(2)
  client.listMessages = async (_id, page = {}) =>
    page.before
      ? // msg_3 again, as a server may when a message is added between reads.
        { messages: history, hasMore: false, lastEventId: '4' }
      : { messages: fake.page, hasMore: true, lastEventId: '4' }
  fake.sendError = new Error('offline for now')
  const store = createChatStore({ client, storage: memoryStorage(), locale: 'en', tabs: null, network: null })
  await store.getState().start()
  store.getState().send('still mine')
  await store.getState().loadOlder()
  const { messages, cards } = store.getState()
  expect(ids(messages.slice(0, 3))).toEqual(['msg_1', 'msg_2', 'msg_3'])
  expect(messages).toHaveLength(4)
  expect(messages[3]?.text).toBe('still mine')
  expect(cards['pr_old']?.status).toBe('paid')
  store.getState().stop()
})

test('without a conversation loadOlder does nothing', async () => {
  const { client, fake } = fakeClient()
  const store = createChatStore({ client, storage: memoryStorage(), locale: 'en', tabs: null, network: null })
  store.setState({ hasMore: true })
  await store.getState().loadOlder()
  expect(fake.calls).toEqual([])
})

describe('trimOlder keeps the list bounded', () => {
  /** 500 messages a second apart, read in pages of 50, all of them loaded. */
  async function fullyLoaded() {
    const { client, fake } = fakeClient()
    const history: Message[] = Array.from({ length: 500 }, (_, i) => message(`msg_${i + 1}`, i + 1))
    client.listMessages = async (_conversationId, page = {}) => {
      const end = page.before ? history.findIndex((m) => m.id === page.before) : history.length
      const start = Math.max(0, end - 50)
      return { messages: history.slice(start, end), hasMore: start > 0, lastEventId: '600' }
    }
    const store = createChatStore({ client, storage: memoryStorage(), locale: 'en', tabs: null, network: null })
    await store.getState().start()
    while (store.getState().hasMore) await store.getState().loadOlder()
    return { store, fake, history }
  }

  test(`over twice ${KEPT_MESSAGES} loaded, only the newest ${KEPT_MESSAGES} stay, and the rest can be read again`, async () => {
    const { store, history } = await fullyLoaded()
    expect(store.getState().messages).toHaveLength(500)
    store.getState().trimOlder()
    expect(ids(store.getState().messages)).toEqual(ids(history.slice(-KEPT_MESSAGES)))
    expect(store.getState().hasMore).toBe(true)

    await store.getState().loadOlder()
    expect(ids(store.getState().messages)).toEqual(ids(history.slice(-KEPT_MESSAGES - 50)))
  })

  test('under twice the kept number, nothing is let go (the cost is paid in batches, not per event)', async () => {
    const { store } = await fullyLoaded()
    store.getState().trimOlder()
    const trimmed = store.getState().messages
    for (let n = 0; n < KEPT_MESSAGES; n++) store.getState().send(`m${n}`)
    store.getState().trimOlder()
    expect(store.getState().messages.slice(0, KEPT_MESSAGES)).toEqual(trimmed)
  })

  test('a replay of a message let go is not put on top of the list (that would leave a gap), but its card counts', async () => {
    const { store, fake } = await fullyLoaded()
    store.getState().trimOlder()
    const before = store.getState().messages
    fake.push({ type: 'message.created', conversationId: 'conv_1', message: message('msg_10', 10, { type: 'payment_request', paymentRequest: card('pr_9', 'paid', 20) }) }, '601')
    expect(store.getState().messages).toBe(before)
    expect(store.getState().cards.pr_9?.status).toBe('paid')
    // A new message still lands at the end.
    fake.push({ type: 'message.created', conversationId: 'conv_1', message: message('msg_501', 501) }, '602')
    expect(store.getState().messages.at(-1)?.id).toBe('msg_501')
  })
})
