import { describe, expect, test } from 'vitest'
import type { Message } from '../../../src/protocol/types'
import { asOperator, call, messagesOf, referenceServer, startVisitor } from './harness'

referenceServer()

const send = (token: string, conversationId: string, body: unknown) =>
  call<any>('POST', `/v1/conversations/${conversationId}/messages`, { token, body })

describe('sending messages', () => {
  test('a message is created once per clientId: a retry gets the same message back', async () => {
    const { token, conversationId } = await startVisitor()
    const first = await send(token, conversationId, { clientId: 'c-1', text: '  Hello there  ' })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ clientId: 'c-1', text: 'Hello there', author: { role: 'visitor' }, type: 'text' })

    const retry = await send(token, conversationId, { clientId: 'c-1', text: 'Hello there' })
    expect(retry.status).toBe(200)
    expect(retry.body.id).toBe(first.body.id)
    expect((await messagesOf(token, conversationId)).body.messages).toHaveLength(1)
  })

  test('the same clientId with different text is 422 idempotency_mismatch', async () => {
    const { token, conversationId } = await startVisitor()
    await send(token, conversationId, { clientId: 'c-1', text: 'one' })
    const res = await send(token, conversationId, { clientId: 'c-1', text: 'two' })
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'idempotency_mismatch', field: 'clientId' })
  })

  test.each([
    [{ clientId: 'c', text: '' }, 'text'],
    [{ clientId: 'c', text: '   \n ' }, 'text'],
    [{ clientId: 'c', text: 'x'.repeat(4001) }, 'text'],
    [{ clientId: 'has space', text: 'hi' }, 'clientId'],
    [{ clientId: 'c'.repeat(65), text: 'hi' }, 'clientId'],
    [{ text: 'hi' }, 'clientId'],
    [{ clientId: 'c', text: 42 }, 'text'],
  ])('%j is 400 naming %s', async (body, field) => {
    const { token, conversationId } = await startVisitor()
    const res = await send(token, conversationId, body)
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field })
  })

  test('message text is stored as given, markup included, for the widget to render as text', async () => {
    const { token, conversationId } = await startVisitor()
    const text = '<img src=x onerror=alert(1)>'
    expect((await send(token, conversationId, { clientId: 'x', text })).body.text).toBe(text)
  })
})

describe('reading pages of messages', () => {
  test('the newest 50 come first, newest last; before= walks back; limit bounds the page', async () => {
    const { token, conversationId } = await startVisitor()
    for (let i = 1; i <= 120; i++) await send(token, conversationId, { clientId: `c${i}`, text: `m${i}` })

    const latest = await messagesOf(token, conversationId)
    const texts = (page: { messages: Message[] }) => page.messages.map((m) => m.text)
    expect(texts(latest.body)).toEqual(Array.from({ length: 50 }, (_, i) => `m${71 + i}`))
    expect(latest.body.hasMore).toBe(true)
    expect(latest.body.lastEventId).toBe('120')

    const older = await messagesOf(token, conversationId, `?before=${latest.body.messages[0]!.id}&limit=100`)
    expect(texts(older.body)).toEqual(Array.from({ length: 70 }, (_, i) => `m${i + 1}`))
    expect(older.body.hasMore).toBe(false)

    for (const limit of ['0', '101', 'x']) {
      expect((await messagesOf(token, conversationId, `?limit=${limit}`)).status).toBe(400)
    }
  })

  test('an empty conversation has no last event id yet', async () => {
    const { token, conversationId } = await startVisitor()
    expect((await messagesOf(token, conversationId)).body).toEqual({ messages: [], hasMore: false, lastEventId: null })
  })

  test('the operator’s reply is in the visitor’s page with the brand as author', async () => {
    const { token, conversationId } = await startVisitor()
    const reply = await asOperator<any>('POST', `/conversations/${conversationId}/messages`, { text: 'Hi!' })
    expect(reply.status).toBe(201)
    const page = await messagesOf(token, conversationId)
    expect(page.body.messages[0]).toMatchObject({ text: 'Hi!', author: { role: 'operator', name: 'Acme Coffee' } })
  })
})
