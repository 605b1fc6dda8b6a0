import { describe, expect, test } from 'vitest'
import { WAIT, expectNoDuplicates, faultStack, shown, texts } from './harness'

const MESSAGES = /^\/v1\/conversations\/[^/]+\/messages$/

describe('server restart (all in-memory state lost)', { timeout: 15_000 }, () => {
  test('after a restart the store sets a notice, starts a new conversation and delivers a message queued before the restart there once', async () => {
    const { proxy, store, storage, operator, ready } = await faultStack()
    const before = await ready()
    store.getState().send('sent before')
    await expect.poll(() => shown(store), WAIT).toEqual(['sent before:sent'])
    const oldToken = storage.getItem('paychat:wk_demo:session')

    // The send fails (both tries), so the message waits in the outbox when the server goes away.
    proxy.fail({ method: 'POST', path: MESSAGES, times: 2 })
    store.getState().send('queued across the restart')
    await expect.poll(() => store.getState().messages.at(-1)?.sendStatus, WAIT).toBe('queued')
    await proxy.restart()

    await expect.poll(() => store.getState().notice, WAIT).toEqual({ code: 'conversation_restarted' })
    await expect.poll(() => shown(store), WAIT).toEqual(['queued across the restart:sent'])
    const after = store.getState().conversation!.id
    expect(after).not.toBe(before)
    expect(store.getState().phase).toBe('ready')
    await expect.poll(() => store.getState().connection, WAIT).toBe('open')

    // The new server knows one conversation, the new one, holding the queued message once (and not the old one).
    const conversations = await operator.conversations()
    expect(conversations.map((c) => c.id)).toEqual([after])
    expect(texts(await operator.messages(after))).toEqual(['queued across the restart'])
    expectNoDuplicates(store.getState().messages)
    expect(storage.getItem('paychat:wk_demo:session')).not.toBe(oldToken)
    expect(proxy.injected).toBe(3)
  })

  test('a restart while nothing is being sent does not leave the widget reconnecting: operator replies reach the new conversation', async () => {
    const { proxy, store, operator, ready } = await faultStack()
    const before = await ready()
    await operator.reply(before, 'before the restart')
    await expect.poll(() => texts(store.getState().messages), WAIT).toEqual(['before the restart'])

    await proxy.restart()
    await expect.poll(() => store.getState().notice, WAIT).toEqual({ code: 'conversation_restarted' })
    await expect.poll(() => store.getState().conversation?.id, WAIT).not.toBe(before)
    await expect.poll(() => store.getState().connection, WAIT).toBe('open')
    const after = store.getState().conversation!.id
    expect(store.getState().messages).toEqual([])

    await operator.reply(after, 'welcome back')
    await expect.poll(() => texts(store.getState().messages), WAIT).toEqual(['welcome back'])
    // The stream gave up on the lost session with one 401, not a loop of them.
    const refused = proxy.requests.filter((r) => r.status === 401)
    expect(refused).toHaveLength(1)
    expect(proxy.injected).toBe(1)
  })
})
