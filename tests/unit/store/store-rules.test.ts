import { describe, expect, test } from 'vitest'
import { ApiError, NetworkError } from '../../../src/client/index'
import { createChatStore } from '../../../src/store/index'
import type { PaychatEventName } from '../../../src/store/types'
import { fakeClient, memoryStorage } from './fake-client'
import { card } from './fixtures'

function setup(storage: ReturnType<typeof memoryStorage> | null = memoryStorage()) {
  const { client, fake } = fakeClient()
  const emitted: Array<[PaychatEventName, unknown]> = []
  const store = createChatStore({ client, storage, locale: 'ja', emit: (name, payload) => emitted.push([name, payload]) })
  return { store, fake, emitted, storage, state: () => store.getState() }
}

const keysUsed = (calls: Array<[string, ...unknown[]]>) => calls.filter(([name]) => name === 'createCheckout').map((c) => c[2])

describe('start', () => {
  test('reads the saved token, sends it with the locale, saves the new one and subscribes from the page', async () => {
    const storage = memoryStorage({ 'paychat:wk_demo:session': JSON.stringify({ token: 'st_old' }) })
    const { store, fake, emitted, state } = setup(storage)
    await store.getState().start()

    expect(fake.calls[0]).toEqual(['startSession', { sessionToken: 'st_old', locale: 'ja' }])
    expect(storage.data.get('paychat:wk_demo:session')).toBe('{"token":"st_new"}')
    expect(fake.calls).toContainEqual(['subscribe', 'conv_1', '4'])
    expect(state()).toMatchObject({ phase: 'ready', connection: 'open', lastEventId: '4', error: null })
    expect(state().cards.pr_1?.status).toBe('pending')
    expect(emitted).toEqual([['ready', { conversationId: 'conv_1' }]])
  })

  test('unreadable or blocked storage just means a new session', async () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {},
    }
    const { client, fake } = fakeClient()
    const store = createChatStore({ client, storage: broken })
    await store.getState().start()
    expect(fake.calls[0]).toEqual(['startSession', {}])
    expect(store.getState().phase).toBe('ready')

    const garbage = setup(memoryStorage({ 'paychat:wk_demo:session': '{not json' }))
    await garbage.store.getState().start()
    expect(garbage.fake.calls[0]).toEqual(['startSession', { locale: 'ja' }])
  })

  test('a failed start sets phase error with its code and does not reject', async () => {
    const { store, fake, state } = setup()
    fake.startError = new NetworkError({ method: 'POST', url: 'https://chat.example.com/v1/sessions' })
    await expect(store.getState().start()).resolves.toBeUndefined()
    expect(state()).toMatchObject({ phase: 'error', error: { code: 'offline' } })
  })

  test('two start() calls at once make one session', async () => {
    const { store, fake } = setup()
    await Promise.all([store.getState().start(), store.getState().start()])
    expect(fake.calls.filter(([name]) => name === 'startSession')).toHaveLength(1)
  })

  test('a message typed before the session is ready goes out once it is', async () => {
    const { store, fake, state } = setup()
    store.getState().send('early bird')
    expect(state().messages.at(-1)).toMatchObject({ text: 'early bird', sendStatus: 'sending' })
    await store.getState().start()
    await expect.poll(() => state().messages.at(-1)?.sendStatus).toBe('sent')
    expect(fake.calls.filter(([name]) => name === 'sendMessage')).toHaveLength(1)
  })
})

describe('send', () => {
  test('blank text is ignored and text is trimmed', async () => {
    const { store, fake, state } = setup()
    await store.getState().start()
    store.getState().send('   \n ')
    expect(state().messages).toHaveLength(1)
    store.getState().send('  hello  ')
    expect(state().messages.at(-1)).toMatchObject({ text: 'hello', sendStatus: 'sending' })
    expect(state().messages.at(-1)?.id).toBe(`local_${state().messages.at(-1)?.clientId}`)
    await expect.poll(() => fake.calls.find(([name]) => name === 'sendMessage')?.[2]).toMatchObject({ text: 'hello' })
  })

  test('a 4xx failure says the server\'s code, never its sentence; retry reuses the clientId', async () => {
    const { store, fake, state } = setup()
    await store.getState().start()
    fake.sendError = new ApiError({
      status: 400,
      body: { error: { code: 'validation_failed', message: 'A message has at most 4000 characters.', field: 'text' } },
      method: 'POST',
      url: 'x',
    })
    store.getState().send('too long, say')
    await expect.poll(() => state().messages.at(-1)?.sendStatus).toBe('failed')
    const failed = state().messages.at(-1)!
    expect(failed.sendError).toEqual({ code: 'server', status: 400, serverCode: 'validation_failed' })

    fake.sendError = null
    store.getState().retry(failed.clientId!)
    expect(state().messages.at(-1)).toMatchObject({ sendStatus: 'sending', sendError: null })
    await expect.poll(() => state().messages.at(-1)?.sendStatus).toBe('sent')
    const sends = fake.calls.filter(([name]) => name === 'sendMessage').map((c) => (c[2] as { clientId: string }).clientId)
    expect(sends).toEqual([failed.clientId, failed.clientId])
  })

  test('a 5xx failure keeps the message queued with the status and code, never the server text', async () => {
    const { store, fake, state } = setup()
    await store.getState().start()
    fake.sendError = new ApiError({ status: 500, body: { error: { code: 'internal', message: 'NullPointer at X' } }, method: 'POST', url: 'x' })
    store.getState().send('hi')
    await expect.poll(() => state().messages.at(-1)?.sendError).toEqual({ code: 'server', status: 500, serverCode: 'internal' })
    expect(state().messages.at(-1)?.sendStatus).toBe('queued')
  })
})

describe('checkout', () => {
  test('an unsafe checkout URL is refused with its code and nothing is opened', async () => {
    const { store, fake, emitted, state } = setup()
    await store.getState().start()
    fake.checkoutUrl = 'javascript:alert(document.cookie)'
    await expect(store.getState().checkout('pr_1')).rejects.toMatchObject({ name: 'ChatFailure', reason: { code: 'unsafe_checkout_link' } })
    expect(state().cardErrors.pr_1).toEqual({ code: 'unsafe_checkout_link' })
    expect(state().busyCards).toEqual({})
    expect(emitted.map(([name]) => name)).not.toContain('payment:opened')
  })

  test('a foreign https origin the brand does not list is refused too', async () => {
    const { store, fake } = setup()
    await store.getState().start()
    fake.checkoutUrl = 'https://evil.example/cs_1'
    await expect(store.getState().checkout('pr_1')).rejects.toMatchObject({ reason: { code: 'unsafe_checkout_link' } })
  })

  test('one Idempotency-Key per attempt: reused on repeat clicks, new after the card failed', async () => {
    const { store, fake } = setup()
    await store.getState().start()
    await Promise.all([store.getState().checkout('pr_1'), store.getState().checkout('pr_1')])
    await store.getState().checkout('pr_1')
    const [first, ...rest] = keysUsed(fake.calls)
    expect(rest).toEqual([first])

    fake.push({ type: 'payment_request.updated', conversationId: 'conv_1', paymentRequest: card('pr_1', 'failed', 5) }, '5')
    fake.card = card('pr_1', 'checkout_open', 6)
    await store.getState().checkout('pr_1')
    await store.getState().checkout('pr_1')
    const keys = keysUsed(fake.calls)
    expect(keys).toHaveLength(4)
    expect(keys[2]).not.toBe(first)
    expect(keys[3]).toBe(keys[2])
  })

  test('a new key once the previous checkout session expired', async () => {
    const { store, fake } = setup()
    await store.getState().start()
    fake.checkoutExpiresAt = new Date(Date.now() - 1).toISOString()
    await store.getState().checkout('pr_1')
    await store.getState().checkout('pr_1')
    const [a, b] = keysUsed(fake.calls)
    expect(a).not.toBe(b)
  })

  test('the card shows what the server says after the call, and payment:opened carries it', async () => {
    const { store, emitted, state } = setup()
    await store.getState().start()
    const link = await store.getState().checkout('pr_1')
    expect(state().cards.pr_1?.status).toBe('checkout_open')
    expect(emitted).toContainEqual(['payment:opened', { paymentRequest: state().cards.pr_1, checkoutUrl: link.checkoutUrl }])
  })
})

describe('cards', () => {
  test('a stale refetch never overwrites a newer state from the stream', async () => {
    const { store, fake, state } = setup()
    await store.getState().start()
    fake.push({ type: 'payment_request.updated', conversationId: 'conv_1', paymentRequest: card('pr_1', 'paid', 9) }, '5')
    fake.card = card('pr_1', 'checkout_open', 3)
    await store.getState().refreshCard('pr_1')
    expect(state().cards.pr_1?.status).toBe('paid')
  })

  test('live transitions emit payment events once; history and repeats do not', async () => {
    const { store, fake, emitted } = setup()
    await store.getState().start()
    const update = (status: Parameters<typeof card>[1], second: number, id: string) =>
      fake.push({ type: 'payment_request.updated', conversationId: 'conv_1', paymentRequest: card('pr_1', status, second) }, id)
    update('checkout_open', 2, '5')
    update('failed', 3, '6')
    update('failed', 3, '6')
    update('checkout_open', 4, '7')
    update('paid', 5, '8')
    expect(emitted.map(([name]) => name)).toEqual(['ready', 'payment:failed', 'payment:paid'])
  })

  test('a decline that is refused puts the server\'s code on the card and refetches it', async () => {
    const { store, fake, state, emitted } = setup()
    await store.getState().start()
    fake.card = card('pr_1', 'paid', 9)
    await expect(store.getState().decline('pr_1')).resolves.toBeUndefined()
    expect(state().cardErrors.pr_1).toEqual({ code: 'server', status: 409, serverCode: 'invalid_state' })
    await expect.poll(() => state().cards.pr_1?.status).toBe('paid')
    expect(emitted.map(([name]) => name)).toContain('payment:paid')
  })

  test('events of another conversation are ignored', async () => {
    const { store, fake, state } = setup()
    await store.getState().start()
    fake.push({ type: 'payment_request.updated', conversationId: 'conv_2', paymentRequest: card('pr_1', 'paid', 9) }, '5')
    expect(state().cards.pr_1?.status).toBe('pending')
  })
})

describe('stop', () => {
  test('closes the stream, mirrors closed, and ignores what the old stream still says', async () => {
    const { store, fake, state } = setup()
    await store.getState().start()
    store.getState().stop()
    expect(state().connection).toBe('closed')
    fake.push({ type: 'payment_request.updated', conversationId: 'conv_1', paymentRequest: card('pr_1', 'paid', 9) }, '5')
    expect(state().cards.pr_1?.status).toBe('pending')
  })
})
