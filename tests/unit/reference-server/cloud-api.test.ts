import { describe, expect, test } from 'vitest'
import { statusPayload } from '../../../src/server/whatsapp/status-payload'
import { asOperator, call, OPERATOR_TOKEN, useReferenceServer } from './harness'

const state = useReferenceServer()
const GRAPH = '/v1/mock/graph/v21.0/pn_15550001234/messages'
const CUSTOMER = '15551234567'

const graphSend = (body: object, token: string | null = OPERATOR_TOKEN) =>
  call<any>('POST', GRAPH, { body: { messaging_product: 'whatsapp', to: CUSTOMER, ...body }, ...(token ? { token } : {}) })
const text = (body: string) => ({ type: 'text', text: { body } })
const template = (name: string, components: object[] = [], code = 'en_US') => ({
  type: 'template',
  template: { name, language: { code }, components },
})
const body = (...values: string[]) => ({ type: 'body', parameters: values.map((v) => ({ type: 'text', text: v })) })
const payButton = (suffix: string) => ({ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: suffix }] })
const outbox = async () => (await asOperator<any>('GET', '/v1/mock/whatsapp/outbox')).body.messages
const credits = async () => (await asOperator<any>('GET', '/v1/operator/credits')).body

async function customerWrites(from = CUSTOMER) {
  await asOperator('POST', '/v1/mock/whatsapp/inbound', { from, name: 'Kenji Sato', text: 'Hello' })
  const { body } = await asOperator<any>('GET', '/v1/operator/conversations')
  return body.conversations[0].id as string
}

function expectMetaError(answer: { status: number; body: any }, code: number) {
  expect(answer.status).toBe(400)
  expect(answer.body).toEqual({
    error: {
      message: expect.stringContaining(`(#${code})`),
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details: expect.any(String) },
      fbtrace_id: expect.stringMatching(/^A_/),
    },
  })
}

describe('the simulated Graph API send', () => {
  test('accepts a text inside the window and answers as Meta does', async () => {
    await customerWrites()
    const res = await graphSend(text('Thanks for writing!'))
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: CUSTOMER, wa_id: CUSTOMER }],
      messages: [{ id: expect.stringMatching(/^wamid_/), message_status: 'accepted' }],
    })
    expect(await outbox()).toMatchObject([{ id: res.body.messages[0].id, messageId: null, text: 'Thanks for writing!' }])
  })

  test('without the access token is 401 code 190, and an unknown phone number id is 100', async () => {
    await customerWrites()
    const anonymous = await graphSend(text('hi'), null)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error.code).toBe(190)
    const elsewhere = await call<any>('POST', '/v1/mock/graph/v21.0/pn_1/messages', { token: OPERATOR_TOKEN, body: {} })
    expectMetaError(elsewhere, 100)
  })

  test('a malformed body is 100 and names the field', async () => {
    await customerWrites()
    const res = await graphSend({ type: 'text', text: {} })
    expectMetaError(res, 100)
    expect(res.body.error.error_data.details).toMatch(/text\.body/)
  })

  test('only the customer opens a conversation: a number that never wrote is 131026', async () => {
    expectMetaError(await graphSend(text('Hi there')), 131026)
  })

  test('free text after 24 hours is 131047; a template still goes', async () => {
    await customerWrites()
    await asOperator('POST', '/v1/mock/clock', { advanceMs: 24 * 3_600_000 })
    expectMetaError(await graphSend(text('Still there?')), 131047)
    const reply = await graphSend(template('follow_up', [namedBody({ first_name: 'Kenji', product: 'House blend' })]))
    expect(reply.status).toBe(200)
  })

  test.each([
    ['a name that does not exist', template('no_such_template'), 132001],
    ['a language it was not made in', template('payment_link', [body('a', 'b', 'c'), payButton('x')], 'ja'), 132001],
    ['too few body parameters', template('payment_link', [body('Kenji', 'House blend'), payButton('x')]), 132000],
    ['too many body parameters', template('payment_link', [body('a', 'b', 'c', 'd'), payButton('x')]), 132000],
    ['no URL button suffix', template('payment_link', [body('a', 'b', 'c')]), 132000],
    ['a line break in a parameter', template('payment_link', [body('Kenji\nSato', 'b', 'c'), payButton('x')]), 132012],
    ['five spaces in a row', template('payment_link', [body('Kenji     Sato', 'b', 'c'), payButton('x')]), 132012],
    ['an empty parameter', template('payment_link', [body(' ', 'b', 'c'), payButton('x')]), 132012],
    [
      'a currency where text is expected',
      template('payment_link', [{ type: 'body', parameters: [{ type: 'currency' }, { type: 'text', text: 'b' }, { type: 'text', text: 'c' }] }, payButton('x')]),
      132012,
    ],
    ['positional values for a named template', template('follow_up', [body('Kenji', 'House blend')]), 132012],
    [
      'a parameter_name the template does not have',
      template('follow_up', [namedBody({ first_name: 'Kenji', colour: 'red' })]),
      132012,
    ],
  ])('a template with %s is refused with %s', async (_what, request, code) => {
    await customerWrites()
    expectMetaError(await graphSend(request), code)
    expect(await outbox()).toEqual([])
  })

  test.each([
    ['PAUSED', 132015],
    ['DISABLED', 132016],
  ])('a %s template is %i', async (status, code) => {
    await customerWrites()
    await asOperator('POST', '/v1/mock/templates/tpl_follow_up/quality', { status })
    expectMetaError(await graphSend(template('follow_up', [namedBody({ first_name: 'K', product: 'P' })])), code)
  })

  test('a template still in review is 132001', async () => {
    await customerWrites()
    const { body: draft } = await asOperator<any>('POST', '/v1/operator/templates', {
      brandId: 'brand_acme',
      name: 'in_review',
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Your order shipped.' }],
    })
    await asOperator('POST', `/v1/operator/templates/${draft.id}/submit`)
    expectMetaError(await graphSend(template('in_review')), 132001)
  })

  test('with too few credits it is 131042, and nothing is sent or spent', async () => {
    await customerWrites()
    const marketing = template('follow_up', [namedBody({ first_name: 'Kenji', product: 'House blend' })])
    for (let i = 0; i < 5; i++) expect((await graphSend(marketing)).status).toBe(200)
    expect((await credits()).balance).toBe(0)
    expectMetaError(await graphSend(marketing), 131042)
    expect(await outbox()).toHaveLength(5)
    expect((await credits()).ledger).toHaveLength(5)
  })

  test('a utility template inside the window is free; marketing is charged; both report their pricing', async () => {
    await customerWrites()
    await graphSend(template('payment_link', [body('Kenji', 'House blend', '$24.50'), payButton('pl_x')]))
    expect((await credits()).balance).toBe(50)
    await graphSend(template('follow_up', [namedBody({ first_name: 'Kenji', product: 'House blend' })]))
    expect((await credits()).balance).toBe(40)
    await graphSend(text('Anything else?'))

    const pricing = (await outbox()).map((m: any) => statusPayload(m, '15550001234', { status: 'sent' }, 0).entry[0]!.changes[0]!.value.statuses![0]!.pricing)
    expect(pricing).toEqual([
      { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' },
      { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
      { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
    ])
  })

  test('a utility template outside the window is charged', async () => {
    await customerWrites()
    await asOperator('POST', '/v1/mock/clock', { advanceMs: 25 * 3_600_000 })
    await graphSend(template('payment_link', [body('Kenji', 'House blend', '$24.50'), payButton('pl_x')]))
    expect((await credits()).balance).toBe(46)
  })
})

describe('the operator API keeps Meta’s reason', () => {
  test('free text outside the window is 422 window_closed carrying code 131047', async () => {
    const conversationId = await customerWrites()
    await asOperator('POST', '/v1/mock/clock', { advanceMs: 25 * 3_600_000 })
    const res = await asOperator<any>('POST', `/v1/operator/conversations/${conversationId}/messages`, { text: 'Hello?' })
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'window_closed', whatsapp: { code: 131047, fbtraceId: expect.any(String) } })
    expect(res.body.error.message).toMatch(/template/)
  })

  test('a parameter with a line break is 422 parameter_format (132012), and nothing appears in the chat', async () => {
    const conversationId = await customerWrites()
    const before = (await asOperator<any>('GET', `/v1/operator/conversations/${conversationId}/messages`)).body.messages.length
    const res = await asOperator<any>('POST', `/v1/operator/conversations/${conversationId}/templates`, {
      templateId: 'tpl_follow_up',
      parameters: { first_name: 'Kenji', product: 'House\nblend' },
    })
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'parameter_format', whatsapp: { code: 132012 } })
    expect((await asOperator<any>('GET', `/v1/operator/conversations/${conversationId}/messages`)).body.messages).toHaveLength(before)
  })

  test('with no credits the operator gets 402 insufficient_credits carrying code 131042', async () => {
    const conversationId = await customerWrites()
    state.credits.balance = 0
    const res = await asOperator<any>('POST', `/v1/operator/conversations/${conversationId}/templates`, {
      templateId: 'tpl_follow_up',
      parameters: { first_name: 'Kenji', product: 'House blend' },
    })
    expect(res.status).toBe(402)
    expect(res.body.error).toMatchObject({ code: 'insufficient_credits', whatsapp: { code: 131042 } })
  })
})

describe('delivery status of each business message', () => {
  async function sentReply() {
    const conversationId = await customerWrites()
    const reply = await asOperator<any>('POST', `/v1/operator/conversations/${conversationId}/messages`, { text: 'Hi Kenji' })
    const sent = (await outbox()).at(-1)
    const report = (status: object) => asOperator<any>('POST', `/v1/mock/whatsapp/outbox/${sent.id}/status`, status)
    const deliveryOf = async () =>
      (await asOperator<any>('GET', `/v1/operator/conversations/${conversationId}/messages`)).body.messages.find(
        (m: any) => m.id === reply.body.id,
      ).delivery
    return { reply, report, deliveryOf }
  }

  test('starts accepted on the message and follows the status webhooks', async () => {
    const { reply, report, deliveryOf } = await sentReply()
    expect(reply.body.delivery).toMatchObject({ channel: 'whatsapp', status: 'accepted' })
    await report({ status: 'delivered' })
    expect(await deliveryOf()).toMatchObject({ status: 'delivered' })
    await report({ status: 'read' })
    expect(await deliveryOf()).toMatchObject({ status: 'read' })
  })

  test('a failure carries Meta’s reason; after delivery a late failure changes nothing', async () => {
    const { report, deliveryOf } = await sentReply()
    await report({ status: 'failed', error: { code: 131049, title: 'Not delivered', details: 'Meta chose not to deliver.' } })
    expect(await deliveryOf()).toMatchObject({ status: 'failed', error: { code: 131049, message: 'Meta chose not to deliver.' } })

    const second = await sentReply()
    await second.report({ status: 'delivered' })
    await second.report({ status: 'failed' })
    expect(await second.deliveryOf()).toMatchObject({ status: 'delivered' })
  })

  test('web-only messages carry no delivery', async () => {
    const { body } = await call<any>('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo' } })
    const reply = await asOperator<any>('POST', `/v1/operator/conversations/${body.conversation.id}/messages`, { text: 'Hi' })
    expect(reply.body.delivery).toBeUndefined()
  })
})

function namedBody(values: Record<string, string>) {
  return {
    type: 'body',
    parameters: Object.entries(values).map(([parameter_name, text]) => ({ type: 'text', parameter_name, text })),
  }
}
