import { describe, expect, test } from 'vitest'
import { ApiError, NetworkError } from '../../../src/client/index'
import { createChatStore } from '../../../src/store/index'
import { outboxKey } from '../../../src/store/outbox'
import { fakeClient, memoryStorage } from './fake-client'

const offline = () => new NetworkError({ method: 'POST', url: 'x', cause: new TypeError('Failed to fetch') })
const refusal = (message: string) =>
  new ApiError({ status: 422, body: { error: { code: 'validation_failed', message, field: 'text' } }, method: 'POST', url: 'x' })

function setup(storage = memoryStorage()) {
  const { client, fake } = fakeClient()
  const network = new EventTarget()
  const store = createChatStore({ client, storage, locale: 'en', network })
  const state = () => store.getState()
  const sentIds = () => fake.calls.filter(([name]) => name === 'sendMessage').map((c) => (c[2] as { clientId: string }).clientId)
  const sentTexts = () => fake.calls.filter(([name]) => name === 'sendMessage').map((c) => (c[2] as { text: string }).text)
  return { store, fake, storage, network, state, sentIds, sentTexts }
}

describe('the outbox', () => {
  test('messages typed offline are saved, survive a reload, and then go out in order, each once', async () => {
    const first = setup()
    await first.store.getState().start()
    first.fake.sendError = offline()
    for (const text of ['one', 'two', 'three']) first.store.getState().send(text)
    await expect.poll(() => first.state().messages.filter((m) => m.sendStatus === 'queued')).toHaveLength(1)
    const saved = JSON.parse(first.storage.data.get(outboxKey('wk_demo'))!)
    expect(saved.map((e: { text: string }) => e.text)).toEqual(['one', 'two', 'three'])
    first.store.getState().stop()

    // The reload: a new store on the same storage, and the network is back.
    const second = setup(first.storage)
    await second.store.getState().start()
    await expect.poll(() => second.state().messages.filter((m) => m.sendStatus === 'sent' && m.author.role === 'visitor')).toHaveLength(3)
    expect(second.sentTexts()).toEqual(['one', 'two', 'three'])
    expect(new Set(second.sentIds())).toEqual(new Set(saved.map((e: { clientId: string }) => e.clientId)))
    expect(second.storage.data.has(outboxKey('wk_demo'))).toBe(false)
  })

  test('a message typed while the chat cannot start waits as queued, is saved, and goes out once it starts', async () => {
    const { store, fake, state, storage, sentTexts } = setup()
    fake.startError = offline()
    await store.getState().start()
    expect(state().phase).toBe('error')
    store.getState().send('still there?')
    expect(state().messages.map((m) => [m.text, m.sendStatus])).toEqual([['still there?', 'queued']])
    expect(JSON.parse(storage.data.get(outboxKey('wk_demo'))!).map((e: { text: string }) => e.text)).toEqual(['still there?'])

    fake.startError = null
    await store.getState().start()
    await expect.poll(() => sentTexts()).toEqual(['still there?'])
  })

  test('one message at a time: the second waits until the first is confirmed', async () => {
    const { store, fake, state, sentTexts } = setup()
    await store.getState().start()
    fake.sendFailures = [offline()]
    store.getState().send('first')
    store.getState().send('second')
    await expect.poll(() => state().messages.find((m) => m.text === 'first')?.sendStatus).toBe('queued')
    expect(sentTexts()).toEqual(['first'])
    expect(state().messages.find((m) => m.text === 'second')?.sendStatus).toBe('sending')
    await expect.poll(() => sentTexts(), { timeout: 3_000 }).toEqual(['first', 'first', 'second'])
  })

  test('going back online sends at once instead of waiting out the backoff', async () => {
    const { store, fake, state, network } = setup()
    await store.getState().start()
    fake.sendFailures = [offline(), offline(), offline()]
    store.getState().send('hello')
    await expect.poll(() => state().messages.at(-1)?.sendStatus).toBe('queued')
    fake.sendFailures = []
    network.dispatchEvent(new Event('online'))
    await expect.poll(() => state().messages.at(-1)?.sendStatus, { timeout: 500 }).toBe('sent')
  })

  test('a 429 waits the Retry-After the server asked for', async () => {
    const { store, fake, state, sentTexts } = setup()
    await store.getState().start()
    fake.sendFailures = [
      new ApiError({ status: 429, body: { error: { code: 'rate_limited', message: 'Slow down.' } }, method: 'POST', url: 'x', retryAfterMs: 1_500 }),
    ]
    store.getState().send('hello')
    await expect.poll(() => state().messages.at(-1)?.sendStatus).toBe('queued')
    await new Promise((r) => setTimeout(r, 1_100))
    expect(sentTexts()).toEqual(['hello'])
    await expect.poll(() => state().messages.at(-1)?.sendStatus, { timeout: 2_000 }).toBe('sent')
  })

  test('a refusal for good says why, the next message still goes, and edit hands the text back', async () => {
    const { store, fake, state, storage } = setup()
    await store.getState().start()
    fake.sendFailures = [refusal('A message has at most 4000 characters.')]
    store.getState().send('far too long')
    store.getState().send('short one')
    await expect.poll(() => state().messages.find((m) => m.text === 'short one')?.sendStatus).toBe('sent')
    const refused = state().messages.find((m) => m.text === 'far too long')!
    expect(refused).toMatchObject({ sendStatus: 'failed', sendError: { code: 'server', status: 422, serverCode: 'validation_failed' } })
    // Kept across a reload until the visitor decides.
    expect(JSON.parse(storage.data.get(outboxKey('wk_demo'))!)).toMatchObject([{ text: 'far too long', rejected: refused.sendError }])

    store.getState().edit(refused.clientId!)
    expect(state().draft).toBe('far too long')
    expect(state().messages.some((m) => m.text === 'far too long')).toBe(false)
    expect(storage.data.has(outboxKey('wk_demo'))).toBe(false)
  })

  test('delete takes a refused message away for good', async () => {
    const { store, fake, state } = setup()
    await store.getState().start()
    fake.sendFailures = [refusal('Not allowed.')]
    store.getState().send('oops')
    await expect.poll(() => state().messages.at(-1)?.sendStatus).toBe('failed')
    store.getState().discard(state().messages.at(-1)!.clientId!)
    expect(state().messages.some((m) => m.text === 'oops')).toBe(false)
  })

  test('when the server has lost the session (401) the chat says so and unsent messages go to a new conversation', async () => {
    const { store, fake, state } = setup()
    await store.getState().start()
    fake.sendFailures = [new ApiError({ status: 401, body: { error: { code: 'unauthorized', message: 'Send a valid session token.' } }, method: 'POST', url: 'x' })]
    fake.session = { ...fake.session, conversation: { ...fake.session.conversation, id: 'conv_2' } }
    store.getState().send('still there?')
    await expect.poll(() => state().messages.at(-1)?.sendStatus).toBe('sent')
    expect(state().notice).toEqual({ code: 'conversation_restarted' })
    expect(state().conversation?.id).toBe('conv_2')
    const sends = fake.calls.filter(([name]) => name === 'sendMessage').map((c) => c[1])
    expect(sends).toEqual(['conv_1', 'conv_2'])
  })

  test('a refused message saved by a release before error codes (an English sentence) comes back refused, with no sentence of the server\'s kept', async () => {
    const saved = [{ clientId: 'c_old', text: 'far too long', createdAt: new Date().toISOString(), rejected: 'A message has at most 4000 characters.' }]
    const { store, state } = setup(memoryStorage({ [outboxKey('wk_demo')]: JSON.stringify(saved) }))
    await store.getState().start()
    expect(state().messages.find((m) => m.clientId === 'c_old')).toMatchObject({
      sendStatus: 'failed',
      sendError: { code: 'send_failed', retryable: false },
    })
  })

  test('unreadable saved outbox data is ignored', async () => {
    const storage = memoryStorage({ [outboxKey('wk_demo')]: '{"not":"a list"' })
    const { store, state } = setup(storage)
    await store.getState().start()
    expect(state().phase).toBe('ready')
    expect(state().messages.filter((m) => m.author.role === 'visitor')).toEqual([])
  })
})
