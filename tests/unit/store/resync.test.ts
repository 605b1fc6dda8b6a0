import { expect, test } from 'vitest'
import { createChatStore } from '../../../src/store/index'
import { fakeClient, memoryStorage } from './fake-client'
import { message } from './fixtures'

test('when a resume cannot replay what was missed, the store reads back through history until it meets what it shows', async () => {
  const { client, fake } = fakeClient()
  fake.page = [message('msg_1', 1)]
  const store = createChatStore({ client, storage: memoryStorage(), locale: 'en' })
  await store.getState().start()

  // Meanwhile the server got five more messages; the stream comes back unable to replay them.
  const history = [1, 2, 3, 4, 5, 6].map((n) => message(`msg_${n}`, n))
  const reads: Array<string | undefined> = []
  client.listMessages = async (_conversationId, page = {}) => {
    reads.push(page.before)
    const end = page.before ? history.findIndex((m) => m.id === page.before) : history.length
    const start = Math.max(0, end - 2)
    return { messages: history.slice(start, end), hasMore: start > 0, lastEventId: '20' }
  }
  fake.push({ type: 'replay.incomplete', conversationId: 'conv_1' }, '4')

  await expect.poll(() => store.getState().messages.map((m) => m.id)).toEqual(history.map((m) => m.id))
  // Three pages of two: the third reached msg_1, which was already shown.
  expect(reads).toEqual([undefined, 'msg_5', 'msg_3'])
})

test('a replay.incomplete of another conversation is ignored', async () => {
  const { client, fake } = fakeClient()
  const store = createChatStore({ client, storage: memoryStorage(), locale: 'en' })
  await store.getState().start()
  const before = fake.calls.filter(([name]) => name === 'listMessages').length
  fake.push({ type: 'replay.incomplete', conversationId: 'conv_other' }, '4')
  await new Promise((r) => setTimeout(r, 20))
  expect(fake.calls.filter(([name]) => name === 'listMessages')).toHaveLength(before)
})
