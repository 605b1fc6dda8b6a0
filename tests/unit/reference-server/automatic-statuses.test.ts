import { expect, test } from 'vitest'
import { asOperator, call, operatorStream, useReferenceServer } from './harness'

// The simulated phone's own timing, shortened: sent, delivered and read follow each send unasked.
const state = useReferenceServer({ whatsapp: { statusDelaysMs: [5, 15, 30] } })

test('a reply on WhatsApp is reported sent, delivered and read to the operators, through the signed webhook', async () => {
  await asOperator('POST', '/v1/mock/whatsapp/inbound', { from: '15551234567', name: 'Kenji', text: 'Hello' })
  const [conversation] = (await asOperator<any>('GET', '/v1/operator/conversations')).body.conversations
  const stream = await operatorStream(String(state.events.operator.lastId))
  const reply = await asOperator<any>('POST', `/v1/operator/conversations/${conversation.id}/messages`, { text: 'Hi Kenji' })

  // Generous: on a loaded machine the simulated phone's timers can run late; it returns at the 4th event.
  const events = await stream.next(4, 4_000)
  const statusOf = (data: any) => (data.delivery ?? data.message.delivery).status
  expect(events.map((e) => [e.event, statusOf(e.data)])).toEqual([
    ['message.created', 'accepted'],
    ['message.delivery_updated', 'sent'],
    ['message.delivery_updated', 'delivered'],
    ['message.delivery_updated', 'read'],
  ])
  expect(events[1]!.data).toMatchObject({ conversationId: conversation.id, messageId: reply.body.id })
  const { messages } = (await asOperator<any>('GET', `/v1/operator/conversations/${conversation.id}/messages`)).body
  expect(messages.at(-1).delivery.status).toBe('read')
})

test('a reset cancels statuses still to come', async () => {
  await asOperator('POST', '/v1/mock/whatsapp/inbound', { from: '15551234567', text: 'Hello' })
  const [conversation] = (await asOperator<any>('GET', '/v1/operator/conversations')).body.conversations
  await asOperator('POST', `/v1/operator/conversations/${conversation.id}/messages`, { text: 'Hi' })
  expect(state.timers.size).toBe(3)
  await asOperator('POST', '/v1/mock/reset')
  expect(state.timers.size).toBe(0)
})
