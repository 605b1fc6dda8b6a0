import { describe, expect, test } from 'vitest'
import { WAIT, expectNoDuplicates, faultStack, sends, shown, texts } from './harness'

const MESSAGES = /^\/v1\/conversations\/[^/]+\/messages$/

describe('server errors (5xx) on the widget API', { timeout: 15_000 }, () => {
  test('messages sent while POST /messages answers 500 are queued and each reaches the server exactly once, in order', async () => {
    const { proxy, store, operator, ready } = await faultStack()
    const conversationId = await ready()
    const statuses = new Set<string>()
    store.subscribe((state) => state.messages.forEach((m) => statuses.add(m.sendStatus)))

    // Two failures use up the client's one retry: the store queues the message and tries again later.
    proxy.fail({ method: 'POST', path: MESSAGES, times: 3 })
    store.getState().send('one')
    store.getState().send('two')
    store.getState().send('three')

    await expect.poll(() => shown(store), WAIT).toEqual(['one:sent', 'two:sent', 'three:sent'])
    expect(statuses).toContain('queued')
    const onServer = await operator.messages(conversationId)
    expect(texts(onServer)).toEqual(['one', 'two', 'three'])
    expectNoDuplicates(onServer)
    // Each message went out with one clientId; only 'one' needed more than one try.
    const tries = sends(proxy)
    expect(tries.map((t) => `${t.text}:${t.status}`)).toEqual(['one:500', 'one:500', 'one:500', 'one:201', 'two:201', 'three:201'])
    expect(new Set(tries.filter((t) => t.text === 'one').map((t) => t.clientId)).size).toBe(1)
    expect(proxy.injected).toBe(3)
  })

  test('a 500 that comes after the server stored the message is retried with the same clientId and kept once', async () => {
    const { proxy, store, operator, ready } = await faultStack()
    const conversationId = await ready()
    // The server handles each of these; the widget only ever sees 500.
    proxy.fail({ method: 'POST', path: MESSAGES, times: 2, afterForward: true })
    store.getState().send('stored, answer lost')
    store.getState().send('next')

    await expect.poll(() => shown(store), WAIT).toEqual(['stored, answer lost:sent', 'next:sent'])
    const onServer = await operator.messages(conversationId)
    expect(texts(onServer)).toEqual(['stored, answer lost', 'next'])
    expectNoDuplicates(onServer)
    expectNoDuplicates(store.getState().messages)
    const first = sends(proxy).filter((t) => t.text === 'stored, answer lost')
    expect(first.length).toBeGreaterThanOrEqual(2)
    expect(new Set(first.map((t) => t.clientId)).size).toBe(1)
    expect(proxy.injected).toBe(2)
  })

  test('a 500 on the message list during start is retried by the client and the widget gets going', async () => {
    const { proxy, store, ready } = await faultStack()
    proxy.fail({ method: 'GET', path: MESSAGES, times: 1 })
    await ready()
    expect(store.getState().error).toBeNull()
    const lists = proxy.requests.filter((r) => r.method === 'GET' && MESSAGES.test(r.path))
    expect(lists.map((r) => r.status)).toEqual([500, 200])
    expect(proxy.injected).toBe(1)
  })

  test('a 500 on the session start shows a clear error, and Try again starts the chat and sends what was typed meanwhile once', async () => {
    const { proxy, store, operator, ready } = await faultStack()
    proxy.fail({ method: 'POST', path: /^\/v1\/sessions$/, times: 1 })
    await store.getState().start()
    expect(store.getState().phase).toBe('error')
    expect(store.getState().error).toEqual({ code: 'server', status: 500, serverCode: 'injected_fault' })
    store.getState().send('typed while down')

    // The panel's Try again button calls start() again.
    const conversationId = await ready()
    await expect.poll(() => shown(store), WAIT).toEqual(['typed while down:sent'])
    expect(texts(await operator.messages(conversationId))).toEqual(['typed while down'])
    const starts = proxy.requests.filter((r) => r.method === 'POST' && r.path === '/v1/sessions')
    expect(starts.map((r) => r.status)).toEqual([500, 201])
    // The failed start never reached the server: one conversation, no orphan.
    expect((await operator.conversations()).map((c) => c.id)).toEqual([conversationId])
    expect(proxy.injected).toBe(1)
  })
})
