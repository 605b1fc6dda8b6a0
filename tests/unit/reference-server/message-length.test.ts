import { describe, expect, test } from 'vitest'
import { asOperator, messagesOf, send, startVisitor, useReferenceServer } from './harness'

useReferenceServer()

describe('a message over 4000 characters', () => {
  test('from a visitor is 422 message_too_long on text, says how long it may be, and is not posted', async () => {
    const visitor = await startVisitor()
    const answer = await send(visitor.token, visitor.conversationId, 'x'.repeat(4001))
    expect(answer.status).toBe(422)
    expect(answer.error).toEqual({
      code: 'message_too_long',
      field: 'text',
      message: 'This message is 4001 characters long; a message has at most 4000. Shorten it and send it again.',
    })
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.messages).toEqual([])
  })

  test('from an operator is 422 message_too_long on text as well', async () => {
    const visitor = await startVisitor()
    const answer = await asOperator('POST', `/v1/operator/conversations/${visitor.conversationId}/messages`, { text: 'y'.repeat(5000) })
    expect([answer.status, answer.error?.code, answer.error?.field]).toEqual([422, 'message_too_long', 'text'])
  })

  test('is counted after trimming: 4000 characters with spaces around are accepted', async () => {
    const visitor = await startVisitor()
    const answer = await send(visitor.token, visitor.conversationId, `  ${'x'.repeat(4000)}\n`)
    expect(answer.status, answer.text).toBe(201)
  })

  test('an empty message is still 400 validation_failed (a malformed request, not one too long)', async () => {
    const visitor = await startVisitor()
    const answer = await send(visitor.token, visitor.conversationId, '   ')
    expect([answer.status, answer.error?.code, answer.error?.field]).toEqual([400, 'validation_failed', 'text'])
  })
})
