import { describe, expect, test } from 'vitest'
import { WAIT, expectNoDuplicates, faultStack, texts } from './harness'

const EVENTS = /^\/v1\/conversations\/[^/]+\/events$/

describe('event stream cut mid-way', { timeout: 15_000 }, () => {
  test('a stream cut mid-way reconnects with Last-Event-ID and the operator messages sent during the gap appear once, in order', async () => {
    const { proxy, store, operator, ready } = await faultStack()
    const conversationId = await ready()
    proxy.cutStream({ afterEvents: 2 })
    // The reconnect waits at the proxy until the gap is over.
    const gap = proxy.hold({ method: 'GET', path: EVENTS, stage: 'request' })

    await operator.reply(conversationId, 'r1')
    await operator.reply(conversationId, 'r2')
    await expect.poll(() => proxy.cuts, WAIT).toBe(1)
    await expect.poll(() => proxy.holding, WAIT).toBe(1)
    for (const text of ['r3', 'r4', 'r5']) await operator.reply(conversationId, text)
    expect(texts(store.getState().messages)).toEqual(['r1', 'r2'])
    expect(store.getState().connection).toBe('reconnecting')

    gap.release()
    await expect.poll(() => texts(store.getState().messages), WAIT).toEqual(['r1', 'r2', 'r3', 'r4', 'r5'])
    const reconnect = proxy.requests.filter((r) => EVENTS.test(r.path)).at(-1)!
    expect(reconnect.headers['last-event-id']).toBe('2')
    const onServer = await operator.messages(conversationId)
    expect(store.getState().messages.map((m) => m.id)).toEqual(onServer.map((m) => m.id))
    expect(store.getState().lastEventId).toBe('5')
    await expect.poll(() => store.getState().connection, WAIT).toBe('open')
    expect(proxy.injected).toBe(2)
  })

  test('a stream dropped before its first event still gets the operator messages sent during the gap', async () => {
    const { proxy, store, operator, ready } = await faultStack()
    const conversationId = await ready()
    expect(store.getState().lastEventId).toBeNull()
    const gap = proxy.hold({ method: 'GET', path: EVENTS, stage: 'request' })
    expect(proxy.dropStreams()).toBe(1)
    await expect.poll(() => proxy.holding, WAIT).toBe(1)
    await operator.reply(conversationId, 'hello, are you there?')
    await operator.reply(conversationId, 'we ship tomorrow')

    gap.release()
    await expect.poll(() => texts(store.getState().messages), WAIT).toEqual(['hello, are you there?', 'we ship tomorrow'])
    expectNoDuplicates(store.getState().messages)
    expect(proxy.injected).toBe(2)
  })

  test('a stream cut after every event, three times running, still shows each operator message once, in order', async () => {
    const { proxy, store, operator, ready } = await faultStack()
    const conversationId = await ready()
    proxy.cutStream({ afterEvents: 1, times: 3 })
    const replies = ['a', 'b', 'c', 'd', 'e', 'f']
    for (const text of replies) await operator.reply(conversationId, text)

    await expect.poll(() => texts(store.getState().messages), WAIT).toEqual(replies)
    expect(proxy.cuts).toBe(3)
    const resumedFrom = proxy.requests.filter((r) => EVENTS.test(r.path)).map((r) => r.headers['last-event-id'])
    // The first connect has no id yet; each reconnect resumes after the one event that got through.
    expect(resumedFrom.slice(1)).toEqual(['1', '2', '3'])
    expectNoDuplicates(store.getState().messages)
    expect(store.getState().messages.map((m) => m.id)).toEqual((await operator.messages(conversationId)).map((m) => m.id))
    expect(proxy.injected).toBe(3)
  })
})
