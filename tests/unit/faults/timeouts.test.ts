import { describe, expect, test } from 'vitest'
import { WAIT, expectNoDuplicates, faultStack, sends, shown, texts } from './harness'

const MESSAGES = /^\/v1\/conversations\/[^/]+\/messages$/
const EVENTS = /^\/v1\/conversations\/[^/]+\/events$/
/** The client gives up after this; the proxy holds the answer well past it. */
const TIMEOUT = 600

describe('answers held past the client timeout', { timeout: 15_000 }, () => {
  test('a send whose answer is held past the timeout is retried with the same clientId and the server holds it once', async () => {
    const { proxy, store, operator, ready } = await faultStack({ timeout: TIMEOUT })
    const conversationId = await ready()
    // No stream while this happens, so only the retried POST can confirm the message.
    const stream = proxy.hold({ method: 'GET', path: EVENTS, stage: 'request' })
    expect(proxy.dropStreams()).toBe(1)
    await expect.poll(() => proxy.holding, WAIT).toBe(1)

    proxy.hold({ method: 'POST', path: MESSAGES, ms: 3 * TIMEOUT })
    store.getState().send('slow answer')
    await expect.poll(() => shown(store), WAIT).toEqual(['slow answer:sent'])

    const tries = sends(proxy)
    expect(tries).toHaveLength(2)
    expect(tries[0]!.clientId).toBe(tries[1]!.clientId)
    // The first try was stored (its answer never came back); the retry got that message back (200, not 201).
    expect(tries.map((t) => t.status)).toEqual([undefined, 200])
    const onServer = await operator.messages(conversationId)
    expect(texts(onServer)).toEqual(['slow answer'])
    expect(store.getState().messages.map((m) => m.id)).toEqual(onServer.map((m) => m.id))

    // The stream comes back and replays message.created for it: still one.
    stream.release()
    await expect.poll(() => store.getState().lastEventId, WAIT).toBe('1')
    expect(shown(store)).toEqual(['slow answer:sent'])
    expectNoDuplicates(store.getState().messages)
    expect(proxy.injected).toBe(3)
  })

  test('a send held past the timeout while the stream is up shows once, confirmed by its own event', async () => {
    const { proxy, store, operator, ready } = await faultStack({ timeout: TIMEOUT })
    const conversationId = await ready()
    proxy.hold({ method: 'POST', path: MESSAGES, ms: 3 * TIMEOUT })
    store.getState().send('slow but streamed')
    store.getState().send('after it')

    await expect.poll(() => shown(store), WAIT).toEqual(['slow but streamed:sent', 'after it:sent'])
    const onServer = await operator.messages(conversationId)
    expect(texts(onServer)).toEqual(['slow but streamed', 'after it'])
    expectNoDuplicates(onServer)
    expectNoDuplicates(store.getState().messages)
    // Whatever was sent again carried the first clientId.
    const slow = sends(proxy).filter((t) => t.text === 'slow but streamed')
    expect(new Set(slow.map((t) => t.clientId)).size).toBe(1)
    expect(proxy.injected).toBe(1)
  })
})
