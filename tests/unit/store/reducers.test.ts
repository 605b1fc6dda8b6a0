import { describe, expect, test } from 'vitest'
import type { ConversationEvent } from '../../../src/protocol/types'
import { applyEvent, isStaleCard, mergeCard, mergeMessage, mergeMessages, toChatMessage } from '../../../src/store/index'
import { makeClientId } from '../../../src/store/client-id'
import { card, local, message } from './fixtures'

const ids = (list: ReadonlyArray<{ id: string }>) => list.map((m) => m.id)

describe('mergeMessage', () => {
  test('appends a newer message at the end, marked sent', () => {
    const list = mergeMessages([], [message('msg_1', 1)])
    const next = mergeMessage(list, message('msg_2', 2))
    expect(ids(next)).toEqual(['msg_1', 'msg_2'])
    expect(next[1]).toMatchObject({ sendStatus: 'sent', sendError: null })
  })

  test('a replayed message returns the very same list', () => {
    const list = mergeMessages([], [message('msg_1', 1), message('msg_2', 2)])
    expect(mergeMessage(list, message('msg_1', 1))).toBe(list)
    expect(mergeMessage(list, message('msg_2', 2))).toBe(list)
  })

  test('the server copy of an own message replaces it in place, found by clientId', () => {
    const list = [toChatMessage(message('msg_1', 1)), local('c_1'), local('c_2')]
    const confirmed = message('msg_7', 3, { clientId: 'c_1', author: { role: 'visitor', name: null } })
    const next = mergeMessage(list, confirmed)
    expect(ids(next)).toEqual(['msg_1', 'msg_7', 'local_c_2'])
    expect(next[1]).toMatchObject({ sendStatus: 'sent', clientId: 'c_1' })
  })

  test('the echo after the answer (or the answer after the echo) does not duplicate', () => {
    const confirmed = message('msg_7', 3, { clientId: 'c_1', author: { role: 'visitor', name: null } })
    const once = mergeMessage([local('c_1')], confirmed)
    expect(mergeMessage(once, confirmed)).toBe(once)
    expect(mergeMessage(once, { ...confirmed })).toHaveLength(1)
  })

  test('a failed own message is replaced when the server turns out to have it', () => {
    const confirmed = message('msg_7', 3, { clientId: 'c_1', author: { role: 'visitor', name: null } })
    expect(mergeMessage([local('c_1', 'failed')], confirmed)).toEqual([toChatMessage(confirmed)])
  })

  test('new server messages go before own unconfirmed ones, which stay at the end', () => {
    const list = [toChatMessage(message('msg_1', 1)), local('c_1'), local('c_2', 'failed')]
    expect(ids(mergeMessage(list, message('msg_2', 2)))).toEqual(['msg_1', 'msg_2', 'local_c_1', 'local_c_2'])
  })

  test('an older message arriving late is put in createdAt order', () => {
    const list = mergeMessages([], [message('msg_1', 1), message('msg_3', 3)])
    expect(ids(mergeMessage(list, message('msg_2', 2)))).toEqual(['msg_1', 'msg_2', 'msg_3'])
    expect(ids(mergeMessage(list, message('msg_0', 0)))).toEqual(['msg_0', 'msg_1', 'msg_3'])
  })

  test('messages with the same timestamp keep arrival order', () => {
    const list = mergeMessages([], [message('msg_a', 5)])
    expect(ids(mergeMessage(list, message('msg_b', 5)))).toEqual(['msg_a', 'msg_b'])
  })

  test('never mutates its input', () => {
    const list = Object.freeze([toChatMessage(message('msg_1', 1)), local('c_1')])
    expect(() => mergeMessage(list, message('msg_0', 0))).not.toThrow()
    expect(() => mergeMessage(list, message('msg_9', 9, { clientId: 'c_1' }))).not.toThrow()
    expect(ids(list)).toEqual(['msg_1', 'local_c_1'])
  })

  test('the list keeps unchanged entries by reference (only the array is copied)', () => {
    const list = mergeMessages([], [message('msg_1', 1), message('msg_2', 2)])
    const next = mergeMessage(list, message('msg_3', 3))
    expect(next[0]).toBe(list[0])
    expect(next[1]).toBe(list[1])
  })
})

describe('mergeMessages', () => {
  test('a page merged twice, or overlapping pages, give each message once in order', () => {
    const page1 = [message('msg_1', 1), message('msg_2', 2), message('msg_3', 3)]
    const page2 = [message('msg_2', 2), message('msg_3', 3), message('msg_4', 4)]
    const list = mergeMessages(mergeMessages(mergeMessages([], page1), page1), page2)
    expect(ids(list)).toEqual(['msg_1', 'msg_2', 'msg_3', 'msg_4'])
  })
})

describe('cards', () => {
  test('a newer update replaces the card', () => {
    const cards = mergeCard({}, card('pr_1', 'pending', 1))
    expect(mergeCard(cards, card('pr_1', 'checkout_open', 2)).pr_1?.status).toBe('checkout_open')
  })

  test('a stale update never overwrites a newer state, and returns the same object', () => {
    const cards = mergeCard({}, card('pr_1', 'paid', 5))
    expect(mergeCard(cards, card('pr_1', 'checkout_open', 4))).toBe(cards)
    expect(mergeCard(cards, card('pr_1', 'pending', 1))).toBe(cards)
  })

  test('at the same instant a later arrival wins, but a final status never turns back', () => {
    expect(isStaleCard(card('pr_1', 'checkout_open', 3), card('pr_1', 'failed', 3))).toBe(false)
    expect(isStaleCard(card('pr_1', 'unknown', 3), card('pr_1', 'paid', 3))).toBe(false)
    expect(isStaleCard(card('pr_1', 'paid', 3), card('pr_1', 'checkout_open', 3))).toBe(true)
    expect(isStaleCard(card('pr_1', 'revoked', 3), card('pr_1', 'pending', 3))).toBe(true)
    expect(isStaleCard(card('pr_1', 'pending', 3), card('pr_1', 'pending', 3))).toBe(true)
  })

  test('voided and card_saved are final too; authorized is not (its capture or void follows)', () => {
    expect(isStaleCard(card('pr_1', 'voided', 3), card('pr_1', 'authorized', 3))).toBe(true)
    expect(isStaleCard(card('pr_1', 'card_saved', 3), card('pr_1', 'checkout_open', 3))).toBe(true)
    expect(isStaleCard(card('pr_1', 'authorized', 3), card('pr_1', 'paid', 3))).toBe(false)
    expect(isStaleCard(card('pr_1', 'authorized', 3), card('pr_1', 'voided', 3))).toBe(false)
  })

  test('one more part of a split payment replaces the card, though its status stays the same', () => {
    const part = (paid: number, version: number) => ({ ...card('pr_1', 'checkout_open', 3), version, amountPaid: { amount: paid, currency: 'JPY' } })
    const cards = mergeCard({}, part(300, 4))
    expect(mergeCard(cards, part(600, 5)).pr_1?.amountPaid.amount).toBe(600)
    expect(mergeCard(mergeCard(cards, part(600, 5)), part(300, 4)).pr_1?.amountPaid.amount).toBe(600)
  })

  test('timestamps compare as instants, not strings', () => {
    const current = { ...card('pr_1', 'checkout_open', 0), updatedAt: '2025-01-01T12:00:00.500Z' }
    const incoming = { ...card('pr_1', 'paid', 0), updatedAt: '2025-01-01T12:00:01Z' }
    expect(isStaleCard(current, incoming)).toBe(false)
  })

  test('other cards are untouched', () => {
    const cards = mergeCard(mergeCard({}, card('pr_1', 'pending', 1)), card('pr_2', 'pending', 1))
    const next = mergeCard(cards, card('pr_2', 'declined', 2))
    expect(next.pr_1).toBe(cards.pr_1)
  })
})

describe('applyEvent', () => {
  const created = (m: ReturnType<typeof message>): ConversationEvent => ({
    type: 'message.created',
    conversationId: 'conv_1',
    message: m,
  })
  const updated = (pr: ReturnType<typeof card>): ConversationEvent => ({
    type: 'payment_request.updated',
    conversationId: 'conv_1',
    paymentRequest: pr,
  })

  test('message.created adds the message and the card it carries', () => {
    const shared = message('msg_1', 1, { type: 'payment_request', paymentRequest: card('pr_1', 'pending', 1) })
    const next = applyEvent({ messages: [], cards: {} }, created(shared))
    expect(ids(next.messages)).toEqual(['msg_1'])
    expect(next.cards.pr_1?.status).toBe('pending')
  })

  test('a replayed message.created with an old card snapshot changes nothing', () => {
    const state = {
      messages: mergeMessages([], [message('msg_1', 1)]),
      cards: mergeCard({}, card('pr_1', 'paid', 9)),
    }
    const replay = message('msg_1', 1, { type: 'payment_request', paymentRequest: card('pr_1', 'pending', 1) })
    expect(applyEvent(state, created(replay))).toBe(state)
  })

  test('payment_request.updated applies newer states and ignores stale ones', () => {
    const state = { messages: [], cards: mergeCard({}, card('pr_1', 'checkout_open', 2)) }
    expect(applyEvent(state, updated(card('pr_1', 'paid', 3))).cards.pr_1?.status).toBe('paid')
    expect(applyEvent(state, updated(card('pr_1', 'pending', 1)))).toBe(state)
  })

  test('an unknown event type from a newer server is ignored', () => {
    const state = { messages: [], cards: {} }
    expect(applyEvent(state, { type: 'typing.started', conversationId: 'conv_1' } as unknown as ConversationEvent)).toBe(state)
  })
})

describe('makeClientId', () => {
  const valid = /^[A-Za-z0-9_-]{1,64}$/
  test('uses randomUUID when there is one', () => {
    expect(makeClientId({ randomUUID: () => '00000000-0000-4000-8000-000000000000' })).toBe('00000000-0000-4000-8000-000000000000')
    expect(makeClientId()).toMatch(valid)
  })

  test('falls back to getRandomValues (insecure contexts), then Math.random, with a valid distinct id', () => {
    const fromBytes = makeClientId({ getRandomValues: <T extends ArrayBufferView | null>(b: T) => b })
    expect(fromBytes).toBe('0'.repeat(32))
    const a = makeClientId({})
    const b = makeClientId(undefined)
    expect(a).toMatch(valid)
    expect(b).toMatch(valid)
    expect(a).not.toBe(b)
  })
})
