import { afterEach, expect, test } from 'vitest'
import { createChatStore } from '../../../src/store/index'
import type { TabCoordination } from '../../../src/store/shared-stream'
import type { ChatStore } from '../../../src/store/types'
import { fakeClient, memoryStorage } from './fake-client'
import { message } from './fixtures'

/** Web Locks' exclusive request, in memory: one holder per name, the next waiter takes over on release. */
function memoryLocks(): TabCoordination['locks'] {
  const queues = new Map<string, Array<() => void>>()
  return {
    request(name, callback) {
      return new Promise((resolve) => {
        const queue = queues.get(name) ?? []
        queues.set(name, queue)
        const run = () =>
          void callback()
            .then(resolve)
            .finally(() => {
              queue.shift()
              queue[0]?.()
            })
        queue.push(run)
        if (queue.length === 1) run()
      })
    },
  }
}

// Node's BroadcastChannel delivers between channels of one name in this process, as tabs do.
const tabs: TabCoordination = {
  locks: memoryLocks(),
  channel(name) {
    const channel = new BroadcastChannel(name)
    return {
      postMessage: (m) => channel.postMessage(m),
      listen: (callback) => (channel.onmessage = (event) => callback((event as MessageEvent).data)),
      close: () => channel.close(),
    }
  },
}

const stores: ChatStore[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.getState().stop()
})

function tab() {
  const { client, fake } = fakeClient()
  const store = createChatStore({ client, storage: memoryStorage(), locale: 'en', tabs })
  stores.push(store)
  const subscribes = () => fake.calls.filter(([name]) => name === 'subscribe')
  return { store, fake, subscribes }
}

test('two tabs share one stream: the leader relays each event, and the other shows it once', async () => {
  const first = tab()
  const second = tab()
  await first.store.getState().start()
  await second.store.getState().start()
  await expect.poll(() => first.subscribes().length).toBe(1)
  expect(second.subscribes()).toHaveLength(0)

  const reply = message('msg_live', 10)
  first.fake.push({ type: 'message.created', conversationId: 'conv_1', message: reply }, '5')
  first.fake.push({ type: 'message.created', conversationId: 'conv_1', message: reply }, '5')
  await expect.poll(() => second.store.getState().messages.filter((m) => m.id === 'msg_live')).toHaveLength(1)
  expect(first.store.getState().messages.filter((m) => m.id === 'msg_live')).toHaveLength(1)
  await expect.poll(() => second.store.getState().connection).toBe('open')
})

test('when the leading tab goes, another takes over and resumes from the last event it heard', async () => {
  const first = tab()
  const second = tab()
  await first.store.getState().start()
  await second.store.getState().start()
  await expect.poll(() => first.subscribes().length).toBe(1)
  first.fake.push({ type: 'message.created', conversationId: 'conv_1', message: message('msg_7', 7) }, '7')
  await expect.poll(() => second.store.getState().messages.some((m) => m.id === 'msg_7')).toBe(true)

  first.store.getState().stop()
  await expect.poll(() => second.subscribes()).toEqual([['subscribe', 'conv_1', '7']])
})
