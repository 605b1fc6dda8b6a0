import { expect, test } from 'vitest'
import { asOperator, call, useReferenceServer } from './harness'

useReferenceServer()

const create = (name: string, text: string) => asOperator<any>('POST', '/v1/operator/canned-responses', { name, text })

test('canned responses are created, found by name, edited and deleted', async () => {
  const greeting = await create('Greeting', 'Hi {{contact.first_name}}, thanks for writing to {{brand.name}}!')
  expect(greeting.status).toBe(201)
  await create('Shipping times', 'We ship within 3 days.')

  const search = await asOperator<any>('GET', '/v1/operator/canned-responses?q=ship')
  expect(search.body.cannedResponses.map((c: any) => c.name)).toEqual(['Shipping times'])
  expect((await asOperator<any>('GET', '/v1/operator/canned-responses')).body.cannedResponses).toHaveLength(2)

  const edited = await asOperator<any>('PATCH', `/v1/operator/canned-responses/${greeting.body.id}`, { text: 'Hello {{contact.name}}' })
  expect(edited.body.text).toBe('Hello {{contact.name}}')
  expect((await asOperator('DELETE', `/v1/operator/canned-responses/${greeting.body.id}`)).status).toBe(204)
  expect((await asOperator('PATCH', `/v1/operator/canned-responses/${greeting.body.id}`, { text: 'x' })).status).toBe(404)
})

test('names are unique, and text follows the message rules', async () => {
  await create('Greeting', 'Hi')
  const duplicate = await create('greeting', 'Hello')
  expect(duplicate.status).toBe(409)
  expect(duplicate.body.error).toMatchObject({ code: 'name_taken', field: 'name' })
  expect((await create('Empty', '   ')).body.error.field).toBe('text')
})

test('filling for a conversation uses the contact’s first name and the brand, and lists what is missing', async () => {
  const greeting = await create('Greeting', 'Hi {{contact.first_name}} from {{brand.name}} ({{order.id}})')
  const session = await call<any>('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo', visitor: { name: 'Grace Hopper' } } })
  const filled = await asOperator<any>('GET', `/v1/operator/canned-responses/${greeting.body.id}/fill?conversationId=${session.body.conversation.id}`)
  expect(filled.body).toEqual({ text: 'Hi Grace from Acme Coffee ({{order.id}})', missing: ['order.id'] })

  await asOperator('POST', '/v1/mock/whatsapp/inbound', { from: '15551234567', name: 'Kenji Sato', text: 'hello' })
  const whatsapp = (await asOperator<any>('GET', '/v1/operator/conversations')).body.conversations.find((c: any) => c.channel === 'whatsapp')
  const fromProfile = await asOperator<any>('GET', `/v1/operator/canned-responses/${greeting.body.id}/fill?conversationId=${whatsapp.id}`)
  expect(fromProfile.body.text).toBe('Hi Kenji from Acme Coffee ({{order.id}})')
})
