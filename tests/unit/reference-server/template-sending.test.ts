import { describe, expect, test } from 'vitest'
import { isolated } from '../../../src/i18n/bidi'
import { asOperator, call, useReferenceServer, startVisitor } from './harness'

useReferenceServer()

const orderUpdate = {
  brandId: 'brand_acme',
  name: 'order_update',
  language: 'en_US',
  category: 'MARKETING',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Your order' },
    { type: 'BODY', text: 'Hi {{1}}, order {{2}} ships today.', example: { body_text: [['Ada', 'A-1001']] } },
    { type: 'FOOTER', text: 'Acme Coffee' },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://acme.example/track/{{1}}' }] },
  ],
}

async function approved(template: object = orderUpdate) {
  const { body } = await asOperator<any>('POST', '/v1/operator/templates', template)
  await asOperator('POST', `/v1/operator/templates/${body.id}/submit`)
  await asOperator('POST', `/v1/mock/templates/${body.id}/review`, { decision: 'APPROVED' })
  return body.id as string
}

async function whatsappConversation(name = 'Kenji Sato') {
  await asOperator('POST', '/v1/mock/whatsapp/inbound', { from: '15551234567', name, text: 'hello' })
  const { body } = await asOperator<any>('GET', '/v1/operator/conversations')
  return body.conversations[0].id as string
}

const send = (conversationId: string, body: object) => asOperator<any>('POST', `/v1/operator/conversations/${conversationId}/templates`, body)
const credits = async () => (await asOperator<any>('GET', '/v1/operator/credits')).body

describe('sending a template', () => {
  test('fills parameters (merge fields included) and the URL suffix, and goes out on WhatsApp', async () => {
    const templateId = await approved()
    const conversationId = await whatsappConversation()
    const res = await send(conversationId, { templateId, parameters: ['{{contact.first_name}}', 'A-7'], urlSuffix: 'A 7' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      type: 'template',
      text: `Hi ${isolated('Kenji')}, order ${isolated('A-7')} ships today.`,
      template: {
        name: 'order_update',
        header: 'Your order',
        footer: 'Acme Coffee',
        buttons: [{ type: 'URL', text: 'Track', url: 'https://acme.example/track/A%207' }],
      },
    })
    const outbox = (await asOperator<any>('GET', '/v1/mock/whatsapp/outbox')).body.messages
    // What the customer reads on WhatsApp is Meta's rendering of the parameters, not the chat's.
    expect(outbox).toMatchObject([{ type: 'template', text: 'Hi Kenji, order A-7 ships today.', messageId: res.body.id }])
  })

  test('works outside the 24-hour window, where free text is refused', async () => {
    const templateId = await approved()
    const conversationId = await whatsappConversation()
    await asOperator('POST', '/v1/mock/clock', { advanceMs: 25 * 3_600_000 })
    expect((await asOperator('POST', `/v1/operator/conversations/${conversationId}/messages`, { text: 'hi' })).status).toBe(422)
    expect((await send(conversationId, { templateId, parameters: ['Kenji', 'A-7'], urlSuffix: 'A-7' })).status).toBe(201)
  })

  test.each([
    [['Kenji'], 'parameter_mismatch'],
    [['Kenji', 'A-7', 'extra'], 'parameter_mismatch'],
    [{ first: 'Kenji' }, 'parameter_mismatch'],
  ])('parameters %j are 422 %s', async (parameters, code) => {
    const templateId = await approved()
    const conversationId = await whatsappConversation()
    const res = await send(conversationId, { templateId, parameters, urlSuffix: 'x' })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe(code)
  })

  test('a template not approved is 409, and another brand’s is 422', async () => {
    const { body: draft } = await asOperator<any>('POST', '/v1/operator/templates', orderUpdate)
    const conversationId = await whatsappConversation()
    const res = await send(conversationId, { templateId: draft.id, parameters: ['a', 'b'], urlSuffix: 'x' })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('template_not_approved')

    const sakura = await approved({ ...orderUpdate, brandId: 'brand_sakura' })
    expect((await send(conversationId, { templateId: sakura, parameters: ['a', 'b'], urlSuffix: 'x' })).body.error.code).toBe(
      'brand_mismatch',
    )
  })

  test.each([
    ['PAUSED', 'template_paused'],
    ['DISABLED', 'template_disabled'],
  ])('a %s template is 409 %s until it is approved again', async (status, code) => {
    const templateId = await approved()
    const conversationId = await whatsappConversation()
    const body = { templateId, parameters: ['Kenji', 'A-7'], urlSuffix: 'A-7' }
    await asOperator('POST', `/v1/mock/templates/${templateId}/quality`, { status })
    const res = await send(conversationId, body)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe(code)
    await asOperator('POST', `/v1/mock/templates/${templateId}/quality`, { status: 'APPROVED' })
    expect((await send(conversationId, body)).status).toBe(201)
  })

  test('to a web-only conversation it is shown in the chat and costs nothing', async () => {
    const templateId = await approved()
    const { conversationId } = await startVisitor()
    expect((await send(conversationId, { templateId, parameters: ['Ada', 'A-1'], urlSuffix: 'A-1' })).status).toBe(201)
    expect((await credits()).balance).toBe(50)
  })
})

describe('credits', () => {
  test('each WhatsApp template spends its category’s price, and with too few credits nothing is sent (402)', async () => {
    const templateId = await approved()
    const conversationId = await whatsappConversation()
    const body = { templateId, parameters: ['Kenji', 'A-7'], urlSuffix: 'A-7' }
    for (let i = 0; i < 5; i++) expect((await send(conversationId, body)).status).toBe(201)
    expect((await credits()).balance).toBe(0)

    const refused = await send(conversationId, body)
    expect(refused.status).toBe(402)
    expect(refused.body.error.code).toBe('insufficient_credits')
    expect((await asOperator<any>('GET', '/v1/mock/whatsapp/outbox')).body.messages).toHaveLength(5)
    expect((await credits()).ledger).toHaveLength(5)
  })

  test('buying credits and auto-recharge: the top-up comes first and the ledger shows both', async () => {
    const templateId = await approved()
    const conversationId = await whatsappConversation()
    expect((await asOperator<any>('POST', '/v1/operator/credits/purchase', { amount: 5 })).body.balance).toBe(55)
    const settings = { enabled: true, minimumBalance: 50, rechargeAmount: 20 }
    expect((await asOperator<any>('PUT', '/v1/operator/credits/auto-recharge', settings)).body.autoRecharge).toEqual(settings)

    await send(conversationId, { templateId, parameters: ['Kenji', 'A-7'], urlSuffix: 'A-7' })
    const { balance, ledger } = await credits()
    expect(balance).toBe(65)
    expect(ledger.map((e: any) => [e.reason, e.amount, e.balanceAfter])).toEqual([
      ['purchase', 5, 55],
      ['auto_recharge', 20, 75],
      ['template', -10, 65],
    ])
    expect((await asOperator<any>('POST', '/v1/operator/credits/purchase', { amount: 0 })).status).toBe(400)
  })
})
