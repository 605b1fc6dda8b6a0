import { describe, expect, test } from 'vitest'
import type { Message } from '../../../src/protocol/types'
import { call, messagesOf, send, share, startVisitor, useReferenceServer } from './harness'

// The paging fixtures post 120 messages at once, far past any person's pace; rate-limits.test.ts
// covers the limits themselves.
useReferenceServer({ rateLimits: false })

describe('sending', () => {
  test('a message is 201 with the trimmed text, and the same clientId again is 200 with the same message', async () => {
    const visitor = await startVisitor()
    const first = await send(visitor.token, visitor.conversationId, '  hello  ', 'c-1')
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({
      id: expect.stringMatching(/^msg_/),
      conversationId: visitor.conversationId,
      clientId: 'c-1',
      type: 'text',
      author: { role: 'visitor' },
      text: 'hello',
      paymentRequest: null,
    })

    const again = await send(visitor.token, visitor.conversationId, 'hello', 'c-1')
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    const page = await messagesOf(visitor.token, visitor.conversationId)
    expect(page.body.messages.map((m) => m.id)).toEqual([first.body.id])
  })

  test('the same clientId with other text is 422 idempotency_mismatch and stores nothing', async () => {
    const visitor = await startVisitor()
    await send(visitor.token, visitor.conversationId, 'hello', 'c-1')
    const other = await send(visitor.token, visitor.conversationId, 'something else', 'c-1')
    expect(other.status).toBe(422)
    expect(other.error).toMatchObject({ code: 'idempotency_mismatch', field: 'clientId' })
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.messages).toHaveLength(1)
  })

  test.each([
    ['empty text', { clientId: 'c-1', text: '' }, 'text'],
    ['blank text', { clientId: 'c-1', text: ' \n\t ' }, 'text'],
    ['text not a string', { clientId: 'c-1', text: 7 }, 'text'],
    ['missing text', { clientId: 'c-1' }, 'text'],
    ['missing clientId', { text: 'hi' }, 'clientId'],
    ['empty clientId', { clientId: '', text: 'hi' }, 'clientId'],
    ['clientId with a space', { clientId: 'c 1', text: 'hi' }, 'clientId'],
    ['clientId of 65 characters', { clientId: 'c'.repeat(65), text: 'hi' }, 'clientId'],
  ])('%s is 400 validation_failed on that field', async (_case, body, field) => {
    const visitor = await startVisitor()
    const answer = await call('POST', `/v1/conversations/${visitor.conversationId}/messages`, { token: visitor.token, body })
    expect(answer.status).toBe(400)
    expect(answer.error).toMatchObject({ code: 'validation_failed', field })
  })

  test.each([
    ['4000 characters', 'x'.repeat(4000), 'c-1'],
    ['a 64-character clientId', 'hi', 'A'.repeat(32) + '_-'.repeat(16)],
  ])('the limits themselves are accepted: %s', async (_case, text, clientId) => {
    const visitor = await startVisitor()
    expect((await send(visitor.token, visitor.conversationId, text, clientId)).status).toBe(201)
  })
})

describe('reading a page', () => {
  /** A conversation of `count` visitor messages `m1`..`m<count>`. */
  async function conversationWith(count: number) {
    const visitor = await startVisitor()
    for (let i = 1; i <= count; i++) await send(visitor.token, visitor.conversationId, `m${i}`, `c${i}`)
    return visitor
  }
  const texts = (messages: Message[]) => messages.map((m) => m.text)
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `m${from + i}`)

  test('of 120 messages the default page is the newest 50, newest last, and before walks back to the first', async () => {
    const visitor = await conversationWith(120)

    const newest = await messagesOf(visitor.token, visitor.conversationId)
    expect(newest.status).toBe(200)
    expect(texts(newest.body.messages)).toEqual(range(71, 120))
    expect(newest.body.hasMore).toBe(true)

    const middle = await messagesOf(visitor.token, visitor.conversationId, `?before=${newest.body.messages[0]!.id}`)
    expect(texts(middle.body.messages)).toEqual(range(21, 70))
    expect(middle.body.hasMore).toBe(true)

    const oldest = await messagesOf(visitor.token, visitor.conversationId, `?before=${middle.body.messages[0]!.id}`)
    expect(texts(oldest.body.messages)).toEqual(range(1, 20))
    expect(oldest.body.hasMore).toBe(false)
  })

  test.each([
    ['1', ['m5']],
    ['3', ['m3', 'm4', 'm5']],
    ['100', ['m1', 'm2', 'm3', 'm4', 'm5']],
  ])('limit=%s gives that many of the newest', async (limit, expected) => {
    const visitor = await conversationWith(5)
    const page = await messagesOf(visitor.token, visitor.conversationId, `?limit=${limit}`)
    expect(page.status).toBe(200)
    expect(texts(page.body.messages)).toEqual(expected)
    expect(page.body.hasMore).toBe(expected.length < 5)
  })

  test.each(['0', '101', '2.5', 'many', '-1'])('limit=%s is 400 on limit (1..100)', async (limit) => {
    const visitor = await conversationWith(1)
    const page = await messagesOf(visitor.token, visitor.conversationId, `?limit=${limit}`)
    expect(page.status).toBe(400)
    expect(page.error).toMatchObject({ code: 'validation_failed', field: 'limit' })
  })

  test('before with an id not in the conversation is 400 on before', async () => {
    const visitor = await conversationWith(1)
    const page = await messagesOf(visitor.token, visitor.conversationId, '?before=msg_nope')
    expect(page.status).toBe(400)
    expect(page.error).toMatchObject({ code: 'validation_failed', field: 'before' })
  })

  test('lastEventId is null before any event and then the id of the latest event', async () => {
    const visitor = await startVisitor()
    expect((await messagesOf(visitor.token, visitor.conversationId)).body).toEqual({ messages: [], hasMore: false, lastEventId: null })

    await send(visitor.token, visitor.conversationId, 'one')
    await send(visitor.token, visitor.conversationId, 'two')
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.lastEventId).toBe('2')
    await share(visitor.conversationId)
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.lastEventId).toBe('3')
  })

  test('a repeated clientId adds no event', async () => {
    const visitor = await startVisitor()
    await send(visitor.token, visitor.conversationId, 'one', 'c-1')
    await send(visitor.token, visitor.conversationId, 'one', 'c-1')
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.lastEventId).toBe('1')
  })
})
