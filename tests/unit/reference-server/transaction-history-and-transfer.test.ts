import { describe, expect, test } from 'vitest'
import type { ConversationSummary, OperatorProfile } from '../../../src/protocol/types'
import { capture, CARDS, payExpecting, settle, transactionsOf, visitorAtCheckout, voidHold } from './checkout-calls'
import { asOperator, card, messagesOf, openCheckout, operatorStream, startVisitor, useReferenceServer } from './harness'

useReferenceServer()

const transfer = (conversationId: string, operatorId: unknown) =>
  asOperator<ConversationSummary>('POST', `/v1/operator/conversations/${conversationId}/transfer`, { operatorId })

const summaryOf = async (conversationId: string) =>
  (await asOperator<{ conversations: ConversationSummary[] }>('GET', '/v1/operator/conversations')).body.conversations.find(
    (c) => c.id === conversationId,
  )

/** One conversation with every kind of attempt: declined, approved, unknown (settled), held and captured, held and voided. */
async function busyConversation() {
  const visitor = await startVisitor()
  const pay = async (options = {}) => (await openCheckout(visitor, 'pp_house_blend', options)).link.checkoutSessionId

  const first = await pay()
  const declined = await payExpecting(first, card(CARDS.declined), 'failed')
  const approved = await payExpecting(first, card(CARDS.visa), 'paid')
  const unknown = await payExpecting(await pay(), card(CARDS.unknown), 'unknown')
  await settle(unknown.paymentRequest.id, 'failed')
  const hold = await payExpecting(await pay({ transactionType: 'authorize' }), card(CARDS.mastercard), 'paid')
  await capture(hold.paymentRequest.id)
  const released = await payExpecting(await pay({ transactionType: 'authorize' }), card(CARDS.jcb), 'paid')
  await voidHold(released.paymentRequest.id)
  return { visitor, declined, approved, unknown, hold, released }
}

describe('the transaction history', () => {
  test('records every attempt, oldest first, each with its reference and code', async () => {
    const { visitor, declined, approved, unknown, hold, released } = await busyConversation()
    const history = await transactionsOf(visitor.conversationId)
    expect(history.map((t) => [t.type, t.result, t.code, t.last4])).toEqual([
      ['sale', 'declined', 'card_declined', '0002'],
      ['sale', 'approved', null, '4242'],
      ['sale', 'unknown', 'processing_error', '0119'],
      ['sale', 'declined', 'card_declined', '0119'],
      ['authorize', 'approved', null, '4444'],
      ['capture', 'approved', null, '4444'],
      ['authorize', 'approved', null, '0505'],
      ['void', 'approved', null, '0505'],
    ])
    expect(history.map((t) => t.reference)).toEqual([
      declined.paymentRequest.failure!.reference,
      approved.charge!.reference,
      unknown.paymentRequest.failure!.reference,
      // The gateway settles the unknown attempt under its own reference.
      unknown.paymentRequest.failure!.reference,
      hold.charge!.reference,
      hold.charge!.reference,
      released.charge!.reference,
      released.charge!.reference,
    ])
    for (const t of history) {
      expect(t).toMatchObject({ id: expect.stringMatching(/^txn_/), amount: { amount: 2450, currency: 'USD' }, cardBrand: expect.any(String) })
    }
    expect(Date.parse(history.at(-1)!.at)).toBeGreaterThanOrEqual(Date.parse(history[0]!.at))
  })

  test('is per conversation, empty before any attempt, and 404 for an unknown conversation', async () => {
    const { sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
    const quiet = await startVisitor()
    expect(await transactionsOf(quiet.conversationId)).toEqual([])
    expect((await asOperator('GET', '/v1/operator/conversations/conv_nope/transactions')).status).toBe(404)
  })

  test('each attempt reaches the operator console as transaction.recorded', async () => {
    const stream = await operatorStream()
    const { visitor, sessionId } = await visitorAtCheckout()
    await payExpecting(sessionId, card(CARDS.declined), 'failed')
    await payExpecting(sessionId, card(CARDS.visa), 'paid')
    const events = (await stream.next(12, 300)).filter((e) => e.event === 'transaction.recorded')
    expect(events.map((e) => e.data)).toEqual(
      (await transactionsOf(visitor.conversationId)).map((transaction) => ({
        type: 'transaction.recorded',
        conversationId: visitor.conversationId,
        transaction,
      })),
    )
  })
})

describe('transferring a conversation', () => {
  test('the operators are listed with their roles and brands', async () => {
    const answer = await asOperator<{ operators: OperatorProfile[] }>('GET', '/v1/operator/operators')
    expect(answer.body.operators).toEqual([
      { id: 'op_admin', name: 'Admin', role: 'admin', brandIds: ['brand_acme', 'brand_sakura'] },
      { id: 'op_ana', name: 'Ana', role: 'agent', brandIds: ['brand_acme'] },
      { id: 'op_kenji', name: 'Kenji', role: 'agent', brandIds: ['brand_acme', 'brand_sakura'] },
      { id: 'op_lucia', name: 'Lucía', role: 'agent', brandIds: ['brand_sakura'] },
    ])
  })

  test('moves it to the operator, tells the visitor and the console, and the history goes with it', async () => {
    const { visitor } = await busyConversation()
    const before = await transactionsOf(visitor.conversationId)
    expect((await summaryOf(visitor.conversationId))?.assignee).toBeNull()
    const stream = await operatorStream()

    const moved = await transfer(visitor.conversationId, 'op_kenji')
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ id: visitor.conversationId, assignee: { id: 'op_kenji', name: 'Kenji' } })
    expect((await summaryOf(visitor.conversationId))?.assignee).toEqual({ id: 'op_kenji', name: 'Kenji' })

    const lastMessage = (await messagesOf(visitor.token, visitor.conversationId)).body.messages.at(-1)
    expect(lastMessage).toMatchObject({ type: 'text', author: { role: 'system', name: null }, text: 'Kenji is now looking after this conversation.' })
    const events = await stream.next(2, 300)
    expect(events.map((e) => e.data)).toContainEqual({
      type: 'conversation.transferred',
      conversationId: visitor.conversationId,
      assignee: { id: 'op_kenji', name: 'Kenji' },
    })

    expect(await transactionsOf(visitor.conversationId)).toEqual(before)
  })

  test('to the operator who already has it changes nothing and says nothing', async () => {
    const visitor = await startVisitor()
    await transfer(visitor.conversationId, 'op_ana')
    const count = (await messagesOf(visitor.token, visitor.conversationId)).body.messages.length
    expect((await transfer(visitor.conversationId, 'op_ana')).body.assignee?.id).toBe('op_ana')
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.messages).toHaveLength(count)
  })

  test.each([
    ['an unknown operator', 'op_nobody'],
    ['an operator of another brand only (Lucía, Sakura Tea)', 'op_lucia'],
  ])('%s is 422 unknown_operator on operatorId and changes nothing', async (_case, operatorId) => {
    const visitor = await startVisitor()
    const answer = await transfer(visitor.conversationId, operatorId)
    expect([answer.status, answer.error?.code, answer.error?.field]).toEqual([422, 'unknown_operator', 'operatorId'])
    expect((await summaryOf(visitor.conversationId))?.assignee).toBeNull()
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.messages).toEqual([])
  })

  test('without operatorId it is 400; an unknown conversation is 404', async () => {
    const visitor = await startVisitor()
    expect((await transfer(visitor.conversationId, undefined)).error).toMatchObject({ code: 'validation_failed', field: 'operatorId' })
    expect((await transfer('conv_nope', 'op_kenji')).status).toBe(404)
  })
})
