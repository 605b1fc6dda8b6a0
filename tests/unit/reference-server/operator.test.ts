import { describe, expect, test } from 'vitest'
import type { Brand, ConversationSummary, Gateway, Message, MessagePage, PaymentPage } from '../../../src/protocol/types'
import { advanceClock, asOperator, call, cardOf, messagesOf, send, share, startVisitor, useReferenceServer } from './harness'

useReferenceServer()

describe('brands and conversations', () => {
  test('brands list the seeded brands with what only operators see', async () => {
    const answer = await asOperator<{ brands: Brand[] }>('GET', '/v1/operator/brands')
    expect(answer.status).toBe(200)
    expect(answer.body.brands).toEqual([
      expect.objectContaining({ id: 'brand_acme', widgetKey: 'wk_demo', allowedOrigins: ['*'] }),
      expect.objectContaining({ id: 'brand_sakura', widgetKey: 'wk_sakura', allowedOrigins: ['*'] }),
    ])
  })

  test('conversations come most recently updated first, with their last message', async () => {
    const older = await startVisitor()
    await advanceClock(1000)
    const newer = await startVisitor('wk_sakura')
    await advanceClock(1000)
    const list = async () => (await asOperator<{ conversations: ConversationSummary[] }>('GET', '/v1/operator/conversations')).body.conversations

    expect((await list()).map((c) => c.id)).toEqual([newer.conversationId, older.conversationId])
    const sent = await send(older.token, older.conversationId, 'anyone there?')
    const [first, second] = await list()
    expect(first).toMatchObject({ id: older.conversationId, lastMessage: sent.body, messageCount: 1 })
    expect(second).toMatchObject({ id: newer.conversationId, lastMessage: null, messageCount: 0 })
  })

  test('conversations filter by brandId', async () => {
    await startVisitor('wk_demo')
    const sakura = await startVisitor('wk_sakura')
    const answer = await asOperator<{ conversations: ConversationSummary[] }>('GET', '/v1/operator/conversations?brandId=brand_sakura')
    expect(answer.body.conversations.map((c) => c.id)).toEqual([sakura.conversationId])
  })

  test('an operator message is 201 with author role operator and the visitor reads it', async () => {
    const visitor = await startVisitor()
    const answer = await asOperator<Message>('POST', `/v1/operator/conversations/${visitor.conversationId}/messages`, { text: ' Hello! ' })
    expect(answer.status).toBe(201)
    expect(answer.body).toMatchObject({ type: 'text', text: 'Hello!', author: { role: 'operator', name: 'Acme Coffee' }, clientId: null })
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.messages).toEqual([answer.body])
  })

  test.each([
    ['blank text', (conversationId: string) => conversationId, { text: '  ' }, 400],
    ['no text', (conversationId: string) => conversationId, {}, 400],
    ['an unknown conversation', () => 'conv_nope', { text: 'hi' }, 404],
  ])('an operator message with %s is refused', async (_case, target, body, status) => {
    const visitor = await startVisitor()
    const answer = await asOperator('POST', `/v1/operator/conversations/${target(visitor.conversationId)}/messages`, body)
    expect(answer.status).toBe(status)
    expect((await messagesOf(visitor.token, visitor.conversationId)).body.messages).toEqual([])
  })

  test("the operator reads any conversation's messages as a page", async () => {
    const visitor = await startVisitor()
    for (const text of ['one', 'two', 'three']) await send(visitor.token, visitor.conversationId, text)
    const answer = await asOperator<MessagePage>('GET', `/v1/operator/conversations/${visitor.conversationId}/messages?limit=2`)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ hasMore: true, lastEventId: '3' })
    expect(answer.body.messages.map((m) => m.text)).toEqual(['two', 'three'])
  })
})

describe('payment pages', () => {
  const newPage = {
    brandId: 'brand_acme',
    title: 'Gift card',
    description: 'Any amount, any day.',
    price: { amount: 5000, currency: 'USD' },
    billing: { type: 'one_time' },
  }
  const pages = async (query = '') => (await asOperator<{ paymentPages: PaymentPage[] }>('GET', `/v1/operator/payment-pages${query}`)).body.paymentPages

  test('list by brand', async () => {
    expect((await pages('?brandId=brand_sakura')).map((p) => p.id)).toEqual(['pp_matcha_set', 'pp_tea_of_the_month'])
    expect(await pages()).toHaveLength(6)
  })

  test('create (201), update in part (200), delete (204)', async () => {
    const created = await asOperator<PaymentPage>('POST', '/v1/operator/payment-pages', newPage)
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ id: expect.stringMatching(/^pp_/), ...newPage })
    expect(await pages('?brandId=brand_acme')).toContainEqual(created.body)

    const patched = await asOperator<PaymentPage>('PATCH', `/v1/operator/payment-pages/${created.body.id}`, { title: 'Gift voucher' })
    expect(patched.status).toBe(200)
    expect(patched.body).toEqual({ ...created.body, title: 'Gift voucher' })

    const deleted = await asOperator('DELETE', `/v1/operator/payment-pages/${created.body.id}`)
    expect(deleted.status).toBe(204)
    expect((await pages()).map((p) => p.id)).not.toContain(created.body.id)
    expect((await asOperator('DELETE', `/v1/operator/payment-pages/${created.body.id}`)).status).toBe(404)
  })

  test('a recurring page keeps its interval; description defaults to empty', async () => {
    const { description: _description, ...withoutDescription } = newPage
    const billing = { type: 'recurring', interval: 'week', intervalCount: 2 }
    const created = await asOperator<PaymentPage>('POST', '/v1/operator/payment-pages', { ...withoutDescription, billing })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ description: '', billing })
  })

  test.each([
    ['a non-integer amount', { price: { amount: 12.5, currency: 'USD' } }, 'price.amount'],
    ['a zero amount', { price: { amount: 0, currency: 'USD' } }, 'price.amount'],
    ['a lowercase currency', { price: { amount: 100, currency: 'usd' } }, 'price.currency'],
    ['recurring without interval', { billing: { type: 'recurring', intervalCount: 1 } }, 'billing.interval'],
    ['recurring without intervalCount', { billing: { type: 'recurring', interval: 'month' } }, 'billing.intervalCount'],
    ['an unknown billing type', { billing: { type: 'sometimes' } }, 'billing.type'],
    ['a blank title', { title: ' ' }, 'title'],
    ['no brandId', { brandId: undefined }, 'brandId'],
  ])('create with %s is 400 on that field', async (_case, change, field) => {
    const answer = await asOperator('POST', '/v1/operator/payment-pages', { ...newPage, ...change })
    expect(answer.status).toBe(400)
    expect(answer.error).toMatchObject({ code: 'validation_failed', field })
  })

  test('create for an unknown brand is 422 on brandId', async () => {
    const answer = await asOperator('POST', '/v1/operator/payment-pages', { ...newPage, brandId: 'brand_nope' })
    expect(answer.status).toBe(422)
    expect(answer.error?.field).toBe('brandId')
  })

  test.each([
    ['title', { title: 'Big blend' }],
    ['price', { price: { amount: 2600, currency: 'USD' } }],
    ['billing', { billing: { type: 'recurring', interval: 'month', intervalCount: 1 } }],
  ])('a patch of only %s leaves every other field as it was', async (_case, patch) => {
    const [before] = await pages('?brandId=brand_acme')
    const answer = await asOperator<PaymentPage>('PATCH', `/v1/operator/payment-pages/${before!.id}`, patch)
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ ...before, ...patch })
  })

  test.each([
    ['an empty patch', {}, 400],
    ['a lowercase currency', { price: { amount: 1, currency: 'usd' } }, 400],
    ['a patch of brandId only', { brandId: 'brand_sakura' }, 400],
  ])('%s is refused and changes nothing', async (_case, patch, status) => {
    const [before] = await pages('?brandId=brand_acme')
    const answer = await asOperator('PATCH', `/v1/operator/payment-pages/${before!.id}`, patch)
    expect(answer.status).toBe(status)
    expect((await pages('?brandId=brand_acme'))[0]).toEqual(before)
  })

  test('a card already shared keeps the page as it was; an edited page shares the new terms', async () => {
    const visitor = await startVisitor()
    const before = await share(visitor.conversationId, 'pp_house_blend')
    const price = { amount: 2600, currency: 'USD' }
    await asOperator('PATCH', '/v1/operator/payment-pages/pp_house_blend', { title: 'House blend, 1.2 kg', price })
    expect((await cardOf(visitor.token, before.id)).body).toMatchObject({ title: 'House blend, 1 kg', price: { amount: 2450 } })
    expect(await share(visitor.conversationId, 'pp_house_blend')).toMatchObject({ title: 'House blend, 1.2 kg', price })
  })

  test('patching an unknown page is 404', async () => {
    expect((await asOperator('PATCH', '/v1/operator/payment-pages/pp_nope', { title: 'x' })).status).toBe(404)
  })
})

describe('gateways', () => {
  /** The demo's own: a card gateway per brand and Acme Coffee's wallet, listed before any added one. */
  const seeded = ['gw_brand_acme_card', 'gw_brand_sakura_card', 'gw_brand_acme_wallet'].map((id) => expect.objectContaining({ id }))

  const accepted: Array<[string, Record<string, string>, Record<string, string>, Record<string, string>]> = [
    [
      'stripe',
      { publishableKey: 'pk_test_51Habc123', secretKey: 'sk_test_51Hsecret4xQ2' },
      { publishableKey: 'pk_test_51Habc123' },
      { secretKey: '••••4xQ2' },
    ],
    ['paypal', { clientId: 'AbCdEf-client', clientSecret: 'EFGH-paypal-secret-9z8y' }, { clientId: 'AbCdEf-client' }, { clientSecret: '••••9z8y' }],
    ['razorpay', { keyId: 'rzp_test_1DP5mm', keySecret: 'thisIsRazorSecretW7k2' }, { keyId: 'rzp_test_1DP5mm' }, { keySecret: '••••W7k2' }],
    ['authorize_net', { apiLoginId: '5KP3u95bQpv', transactionKey: '346HZ32z3fP4hTG2' }, { apiLoginId: '5KP3u95bQpv' }, { transactionKey: '••••hTG2' }],
  ]

  test.each(accepted)('%s credentials are stored; secrets come back masked in POST and GET', async (provider, credentials, publicCredentials, maskedSecrets) => {
    const created = await asOperator<Gateway>('POST', '/v1/operator/gateways', { brandId: 'brand_acme', provider, credentials })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      id: expect.stringMatching(/^gw_/),
      brandId: 'brand_acme',
      provider,
      publicCredentials,
      maskedSecrets,
      surcharges: {},
      createdAt: expect.any(String),
    })
    const listed = await asOperator<{ gateways: Gateway[] }>('GET', '/v1/operator/gateways')
    expect(listed.body.gateways).toEqual([...seeded, created.body])

    const secret = Object.entries(credentials).find(([name]) => name in maskedSecrets)![1]
    for (const text of [created.text, listed.text]) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain(secret.slice(0, -4))
    }
  })

  test.each([
    ['stripe', { publishableKey: 'sk_test_51Habc123', secretKey: 'sk_test_51Hsecret4xQ2' }, 'credentials.publishableKey'],
    ['stripe', { publishableKey: 'pk_test_51Habc123', secretKey: 'pk_test_51Hsecret4xQ2' }, 'credentials.secretKey'],
    ['stripe', { publishableKey: 'pk_test_51Habc123' }, 'credentials.secretKey'],
    ['paypal', { clientId: 'AbCdEf', clientSecret: '' }, 'credentials.clientSecret'],
    ['paypal', { clientId: '  ', clientSecret: 'secret' }, 'credentials.clientId'],
    ['razorpay', { keyId: 'key_1DP5mm', keySecret: 'secret' }, 'credentials.keyId'],
    ['razorpay', { keyId: 'rzp_test_1DP5mm', keySecret: 42 }, 'credentials.keySecret'],
    ['authorize_net', { apiLoginId: '5KP3u95bQpv', transactionKey: 'too-short' }, 'credentials.transactionKey'],
    ['authorize_net', { apiLoginId: '', transactionKey: '346HZ32z3fP4hTG2' }, 'credentials.apiLoginId'],
    ['square', { accessToken: 'x' }, 'provider'],
  ])('%s with %j is 400 on %s', async (provider, credentials, field) => {
    const answer = await asOperator('POST', '/v1/operator/gateways', { brandId: 'brand_acme', provider, credentials })
    expect(answer.status).toBe(400)
    expect(answer.error).toMatchObject({ code: 'validation_failed', field })
    expect((await asOperator<{ gateways: Gateway[] }>('GET', '/v1/operator/gateways')).body.gateways).toEqual(seeded)
  })

  test.each([
    ['paypal', { clientId: 'AbCdEf-client', clientSecret: 'Zq9' }, 'clientSecret'],
    ['razorpay', { keyId: 'rzp_test_1DP5mm', keySecret: 'Zq9x7Wv' }, 'keySecret'],
  ])('a short %s secret is masked whole, never echoed', async (provider, credentials, field) => {
    const created = await asOperator<Gateway>('POST', '/v1/operator/gateways', { brandId: 'brand_acme', provider, credentials })
    expect(created.status).toBe(201)
    expect(created.body.maskedSecrets).toEqual({ [field]: '••••' })
    const listed = await asOperator('GET', '/v1/operator/gateways')
    for (const text of [created.text, listed.text]) expect(text).not.toContain('Zq9')
  })

  test('a gateway for an unknown brand is 422 on brandId', async () => {
    const [, credentials] = accepted[0]!
    const answer = await asOperator('POST', '/v1/operator/gateways', { brandId: 'brand_nope', provider: 'stripe', credentials })
    expect(answer.status).toBe(422)
    expect(answer.error?.field).toBe('brandId')
  })

  test('a visitor never sees gateways', async () => {
    const visitor = await startVisitor()
    expect((await call('GET', '/v1/operator/gateways', { token: visitor.token })).status).toBe(401)
  })
})
