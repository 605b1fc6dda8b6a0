import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Message } from '../../../src/protocol/types'
import { applyEvent, mergeMessage, mergeMessages, type EventSlice } from '../../../src/store/index'
import type { ChatMessage } from '../../../src/store/types'
import { messageAt } from './arbitraries'

/**
 * A model of one conversation: the server keeps a timeline (createdAt from its clock, which may stand
 * still); the stream delivers its events in order, may lose some (a replay.incomplete: the store then
 * reads pages while live events go on), and may deliver old ones again; history pages of any part of
 * the timeline arrive at any time; the visitor's own messages show at once and the server creates them
 * one at a time, in order (the next once the last send was answered), answering each send before or
 * after its echo arrives.
 */
type Command =
  | { kind: 'operator'; tick: boolean }
  | { kind: 'send' }
  | { kind: 'receive'; tick: boolean }
  | { kind: 'answer' }
  | { kind: 'deliver' }
  | { kind: 'lose' }
  | { kind: 'replay'; pick: number }
  | { kind: 'page'; from: number; size: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('operator' as const), tick: fc.boolean() }),
  fc.constant({ kind: 'send' as const }),
  fc.record({ kind: fc.constant('receive' as const), tick: fc.boolean() }),
  fc.constant({ kind: 'answer' as const }),
  { arbitrary: fc.constant({ kind: 'deliver' as const }), weight: 3 },
  fc.constant({ kind: 'lose' as const }),
  fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('page' as const), from: fc.nat(), size: fc.integer({ min: 1, max: 5 }) }),
)

function local(clientId: string, n: number): ChatMessage {
  return {
    ...messageAt(`local_${clientId}`, 1_000_000 + n, { clientId, author: { role: 'visitor', name: null }, text: clientId }),
    conversationId: '',
    sendStatus: 'sending',
    sendError: null,
  }
}

function simulate(commands: readonly Command[], { lossy }: { lossy: boolean }) {
  let state: EventSlice = { messages: [], cards: {} }
  const timeline: Message[] = []
  let clock = 0
  let delivered = 0 // stream position: events [0, delivered) were delivered or lost
  const deliveredIds: number[] = []
  const own: string[] = [] // clientIds in send order
  let received = 0 // how many own messages the server created
  const answers: Message[] = [] // server copies whose answer has not come back
  const lastCheck = () => check(state.messages, { ordered: !lossy })

  const create = (message: Message) => timeline.push(message)
  const event = (message: Message) => {
    state = applyEvent(state, { type: 'message.created', conversationId: 'conv_1', message })
  }

  for (const c of commands) {
    switch (c.kind) {
      case 'operator':
        if (c.tick) clock++
        create(messageAt(`msg_${timeline.length}`, clock * 1000))
        break
      case 'send': {
        const clientId = `c${own.length}`
        own.push(clientId)
        state = { ...state, messages: [...state.messages, local(clientId, own.length)] }
        break
      }
      case 'receive': {
        // The outbox sends one message at a time: the next only after the last one's answer came back.
        if (received === own.length || answers.length) break
        if (c.tick) clock++
        const clientId = own[received++]!
        const copy = messageAt(`msg_${timeline.length}`, clock * 1000, { clientId, text: clientId, author: { role: 'visitor', name: null } })
        create(copy)
        answers.push(copy)
        break
      }
      case 'answer': {
        const copy = answers.shift()
        if (copy) state = { ...state, messages: mergeMessage(state.messages, copy) }
        break
      }
      case 'deliver':
        if (delivered < timeline.length) {
          deliveredIds.push(delivered)
          event(timeline[delivered++]!)
        }
        break
      case 'lose':
        if (lossy && delivered < timeline.length) delivered++
        break
      case 'replay':
        if (deliveredIds.length) event(timeline[deliveredIds[c.pick % deliveredIds.length]!]!)
        break
      case 'page': {
        // In order, a page re-reads what the stream already brought (history, a resync); a lossy stream
        // gets pages of anything, newer messages included.
        const known = lossy ? timeline.length : delivered
        if (!known) break
        const from = c.from % known
        state = { ...state, messages: mergeMessages(state.messages, timeline.slice(from, Math.min(known, from + c.size))) }
        break
      }
    }
    lastCheck()
  }

  // The network recovers: every own message reaches the server and is answered, the stream catches
  // up, and the latest page covers whatever the stream lost.
  while (received < own.length) {
    const clientId = own[received++]!
    const copy = messageAt(`msg_${timeline.length}`, ++clock * 1000, { clientId, text: clientId, author: { role: 'visitor', name: null } })
    create(copy)
    answers.push(copy)
  }
  for (const copy of answers.splice(0)) state = { ...state, messages: mergeMessage(state.messages, copy) }
  while (delivered < timeline.length) event(timeline[delivered++]!)
  state = { ...state, messages: mergeMessages(state.messages, timeline) }
  lastCheck()
  return { messages: state.messages, timeline, own }
}

/** No duplicate id or clientId; server messages in createdAt order; own unconfirmed ones last. */
function check(messages: readonly ChatMessage[], { ordered = true } = {}) {
  const ids = messages.map((m) => m.id)
  expect(new Set(ids).size, `duplicate id in ${ids.join(',')}`).toBe(ids.length)
  const clientIds = messages.flatMap((m) => (m.clientId ? [m.clientId] : []))
  expect(new Set(clientIds).size, `duplicate clientId in ${clientIds.join(',')}`).toBe(clientIds.length)
  const firstUnsent = messages.findIndex((m) => m.sendStatus !== 'sent')
  const sent = firstUnsent < 0 ? messages : messages.slice(0, firstUnsent)
  expect(messages.slice(sent.length).every((m) => m.sendStatus !== 'sent'), 'a server message after an unconfirmed own one').toBe(true)
  if (!ordered) return
  const times = sent.map((m) => m.createdAt)
  expect(times, 'server messages out of createdAt order').toEqual([...times].sort())
}

describe('the message list under any interleaving (applyEvent, mergeMessage, mergeMessages)', () => {
  test('in-order stream with replays, old pages and own messages: no duplicates, in order, nothing missing', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const { messages, timeline, own } = simulate(commands, { lossy: false })
        // Every message once (check() already holds them to createdAt order; ties may sit either way).
        expect(new Set(messages.map((m) => m.id))).toEqual(new Set(timeline.map((m) => m.id)))
        expect(messages).toHaveLength(timeline.length)
        expect(messages.every((m) => m.sendStatus === 'sent')).toBe(true)
        expect(messages.filter((m) => m.clientId).map((m) => m.clientId)).toEqual(own)
      }),
      { numRuns: 300 },
    )
  })

  /**
   * Not in createdAt order here: when the echo of an own message is lost and a later operator message
   * arrives first, the own message's server copy (from the send's answer or the resync page) keeps
   * its place at the end ("so it does not jump", mergeMessage) and so sits after the newer message, e.g.
   * send, server creates it at :00, operator answers at :01, the echo is lost, :01 arrives, then the
   * answer: [:01, :00]. The same happens when a page holds the newer message but not the own one's
   * copy. Reported, not asserted.
   */
  test('a stream that loses events (resynced by pages while live events go on): no duplicates, nothing missing', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const { messages, timeline } = simulate(commands, { lossy: true })
        expect(new Set(messages.map((m) => m.id))).toEqual(new Set(timeline.map((m) => m.id)))
        expect(messages).toHaveLength(timeline.length)
      }),
      { numRuns: 300 },
    )
  })

  test('a batch equals its messages one by one, and merging a page twice changes nothing', () => {
    const page = fc
      .uniqueArray(fc.record({ n: fc.nat(20), at: fc.nat(5) }), { selector: (r) => r.n, maxLength: 8 })
      .map((rows) => rows.map((r) => messageAt(`msg_${r.n}`, r.at * 1000)).sort((a, b) => a.createdAt.localeCompare(b.createdAt)))
    fc.assert(
      fc.property(page, page, (first, second) => {
        const once = mergeMessages(mergeMessages([], first), second)
        // A known page changes nothing: the very same list (an empty one is merely equal).
        if (once.length) expect(mergeMessages(once, second)).toBe(once)
        else expect(mergeMessages(once, second)).toEqual(once)
        expect(once).toEqual(second.reduce(mergeMessage, mergeMessages([], first)))
        check(once)
        expect(new Set(once.map((m) => m.id))).toEqual(new Set([...first, ...second].map((m) => m.id)))
      }),
      { numRuns: 200 },
    )
  })
})

