import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { ApiError, NetworkError } from '../../../src/client/index'
import type { Message } from '../../../src/protocol/types'
import { createChatStore, type ChatStore } from '../../../src/store/index'
import { outboxKey } from '../../../src/store/outbox'
import { fakeClient, memoryStorage } from '../store/fake-client'
import { messageAt } from './arbitraries'

/**
 * The real store against a fake server that keeps one message per clientId (as the real one does) and
 * can be told to fail: offline (the request never arrives), a lost answer (it arrives, the answer does
 * not), a refusal for good (422). Between commands the page may reload: a new store on the same storage.
 * Fake timers keep the backoff from ever firing by itself; `tick` lets it, `online` skips it.
 */
type Command =
  | { kind: 'send' }
  | { kind: 'offline'; k: number }
  | { kind: 'lostAnswer' }
  | { kind: 'refuse' }
  | { kind: 'online' }
  | { kind: 'tick' }
  | { kind: 'reload'; offline: boolean }
  | { kind: 'edit'; pick: number }
  | { kind: 'discard'; pick: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'send' as const }), weight: 4 },
  fc.record({ kind: fc.constant('offline' as const), k: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ kind: 'lostAnswer' as const }),
  fc.constant({ kind: 'refuse' as const }),
  { arbitrary: fc.constant({ kind: 'online' as const }), weight: 2 },
  fc.constant({ kind: 'tick' as const }),
  fc.record({ kind: fc.constant('reload' as const), offline: fc.boolean() }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('discard' as const), pick: fc.nat() }),
)

const offline = () => new NetworkError({ method: 'POST', url: 'x', cause: new TypeError('Failed to fetch') })
const refusal = () =>
  new ApiError({ status: 422, body: { error: { code: 'validation_failed', message: 'Not allowed.', field: 'text' } }, method: 'POST', url: 'x' })

/** Lets every pending promise and store reaction run (setImmediate is not faked). */
async function settle() {
  for (let i = 0; i < 8; i++) await new Promise((resolve) => setImmediate(resolve))
}

function world() {
  const { client, fake } = fakeClient()
  const storage = memoryStorage()
  /** The server's messages, one per clientId, in the order they arrived. */
  const server: Message[] = []
  const failures: Array<'offline' | 'lost' | 'refuse'> = []
  let startOffline = false

  client.startSession = async (body) => {
    fake.calls.push(['startSession', body])
    if (startOffline) throw offline()
    return fake.session
  }
  client.listMessages = async () => ({ messages: server.slice(-50), hasMore: server.length > 50, lastEventId: null })
  client.sendMessage = async (conversationId, body) => {
    fake.calls.push(['sendMessage', conversationId, body])
    const failure = failures.shift()
    if (failure === 'offline') throw offline()
    if (failure === 'refuse') throw refusal()
    let copy = server.find((m) => m.clientId === body.clientId)
    if (!copy) {
      copy = messageAt(`msg_${server.length}`, server.length * 1000, { clientId: body.clientId, text: body.text, author: { role: 'visitor', name: null } })
      server.push(copy)
      // The echo on the stream may come before the answer.
      fake.push({ type: 'message.created', conversationId, message: copy }, String(server.length))
    }
    if (failure === 'lost') throw offline()
    return copy
  }

  let network = new EventTarget()
  let store: ChatStore = createChatStore({ client, storage, locale: 'en', network, tabs: null })

  return {
    storage,
    server,
    failures,
    get store() {
      return store
    },
    setStartOffline: (value: boolean) => void (startOffline = value),
    online: () => network.dispatchEvent(new Event('online')),
    reload() {
      store.getState().stop()
      network = new EventTarget()
      store = createChatStore({ client, storage, locale: 'en', network, tabs: null })
    },
  }
}

async function play(commands: readonly Command[], { typeWhileDown }: { typeWhileDown: boolean }) {
  const w = world()
  /** What the visitor meant to send, in order: texts, with the clientId the store gave each. */
  const expected: Array<{ text: string; clientId: string | null; dropped: boolean }> = []
  let n = 0
  const state = () => w.store.getState()

  const sendText = (text: string) => {
    const before = new Set(state().messages.map((m) => m.clientId))
    state().send(text)
    const added = state().messages.find((m) => m.clientId && !before.has(m.clientId))
    expected.push({ text, clientId: added?.clientId ?? null, dropped: false })
  }
  const failedOnes = () => state().messages.filter((m) => m.sendStatus === 'failed')
  const dropped = (clientId: string) => expected.filter((e) => e.clientId === clientId).forEach((e) => (e.dropped = true))

  /** Nothing unsent is ever missing from storage (once the store has read it back after a reload). */
  const checkStorage = () => {
    // Read raw, not through readOutbox, so a bug there cannot hide itself.
    const raw = JSON.parse(w.storage.getItem(outboxKey('wk_demo')) ?? '[]') as Array<{ clientId: string }>
    const saved = new Set(raw.map((e) => e.clientId))
    const onServer = new Set(w.server.map((m) => m.clientId))
    const missing = expected.filter((e) => !e.dropped && e.clientId && !onServer.has(e.clientId) && !saved.has(e.clientId))
    expect(missing.map((e) => e.text), 'unsent messages missing from storage').toEqual([])
  }

  await state().start()
  for (const c of commands) {
    switch (c.kind) {
      case 'send':
        if (typeWhileDown || state().phase === 'ready') sendText(`m${n++}`)
        break
      case 'offline':
        for (let i = 0; i < c.k; i++) w.failures.push('offline')
        break
      case 'lostAnswer':
        w.failures.push('lost')
        break
      case 'refuse':
        w.failures.push('refuse')
        break
      case 'online':
        w.failures.splice(0, w.failures.length, ...w.failures.filter((f) => f === 'refuse'))
        w.setStartOffline(false)
        // The visitor presses "Try again" on a chat that could not start; the browser says it is back online.
        if (state().phase === 'error') await state().start()
        w.online()
        break
      case 'tick':
        await vi.advanceTimersByTimeAsync(31_000)
        break
      case 'reload':
        w.setStartOffline(c.offline)
        w.reload()
        await state().start()
        break
      case 'edit': {
        const failed = failedOnes()
        if (!failed.length) break
        const victim = failed[c.pick % failed.length]!
        state().edit(victim.clientId!)
        const draft = state().draft
        state().takeDraft()
        dropped(victim.clientId!)
        if (draft !== null) sendText(`${draft}*`)
        break
      }
      case 'discard': {
        const failed = failedOnes()
        if (!failed.length) break
        const victim = failed[c.pick % failed.length]!
        state().discard(victim.clientId!)
        dropped(victim.clientId!)
        break
      }
    }
    await settle()
    checkStorage()
  }

  // The network recovers for good; refused messages left over are deleted by the visitor.
  w.failures.length = 0
  w.setStartOffline(false)
  if (state().phase !== 'ready') await state().start()
  w.online()
  await settle()
  for (const m of failedOnes()) {
    state().discard(m.clientId!)
    dropped(m.clientId!)
  }
  w.online()
  await settle()
  checkStorage()

  const wanted = expected.filter((e) => !e.dropped)
  // Each one exactly once, in the order sent (an edited one as its new text, where it was sent again).
  expect(w.server.map((m) => m.text)).toEqual(wanted.map((e) => e.text))
  expect(new Set(w.server.map((m) => m.clientId)).size).toBe(w.server.length)
  expect(state().messages.filter((m) => m.sendStatus !== 'sent')).toEqual([])
  expect(w.storage.data.has(outboxKey('wk_demo'))).toBe(false)
  state().stop()
}

describe('the outbox under random sends, outages, refusals and reloads (createChatStore)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  test('every message not deleted reaches the server exactly once, in order, and is never missing from storage while unsent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 25 }), (commands) => play(commands, { typeWhileDown: false })),
      { numRuns: 150 },
    )
  }, 30_000)

  /**
   * A page that loads while the chat service is unreachable shows the composer; what the visitor types
   * then is saved from the first moment (src/store/slices/outbox.ts), so the next reload keeps it. It
   * once was saved only after a start succeeded: that shrank to [reload (start fails), send].
   */
  test('the same while the chat could not start (typing while down, then reloading)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 25 }), (commands) => play(commands, { typeWhileDown: true })),
      { numRuns: 80, examples: [[[{ kind: 'reload', offline: true }, { kind: 'send' }, { kind: 'reload', offline: false }]]] },
    )
  }, 30_000)
})
