import { describe, expect, test } from 'vitest'
import { asOperator, call, referenceServer, startVisitor } from './harness'

referenceServer()

describe('operator API', () => {
  test('lists the brands with their widget keys, and conversations most recently active first', async () => {
    const brands = await asOperator<any>('GET', '/brands')
    expect(brands.body.brands.map((b: any) => [b.name, b.widgetKey])).toEqual([
      ['Acme Coffee', 'wk_demo'],
      ['Sakura Tea', 'wk_sakura'],
    ])
    const older = await startVisitor()
    const newer = await startVisitor()
    await asOperator('POST', `/conversations/${older.conversationId}/messages`, { text: 'bump' })
    const { body } = await asOperator<any>('GET', '/conversations')
    expect(body.conversations.map((c: any) => c.id)).toEqual([older.conversationId, newer.conversationId])
    expect(body.conversations[0]).toMatchObject({ lastMessage: { text: 'bump' }, messageCount: 1 })
  })

  test('payment pages: create, list by brand, update and delete, with validation', async () => {
    const page = { brandId: 'brand_acme', title: 'Gift card', price: { amount: 5000, currency: 'USD' }, billing: { type: 'one_time' } }
    const created = await asOperator<any>('POST', '/payment-pages', page)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ ...page, id: expect.stringMatching(/^pp_/), description: '' })

    const listed = await asOperator<any>('GET', '/payment-pages?brandId=brand_acme')
    expect(listed.body.paymentPages.map((p: any) => p.id)).toContain(created.body.id)
    expect(listed.body.paymentPages.every((p: any) => p.brandId === 'brand_acme')).toBe(true)

    const patched = await asOperator<any>('PATCH', `/payment-pages/${created.body.id}`, { title: 'Gift card, $50' })
    expect(patched.body.title).toBe('Gift card, $50')
    expect((await asOperator('DELETE', `/payment-pages/${created.body.id}`)).status).toBe(204)
    expect((await asOperator('PATCH', `/payment-pages/${created.body.id}`, { title: 'x' })).status).toBe(404)
  })

  test.each([
    [{ price: { amount: 12.5, currency: 'USD' } }, 'price.amount'],
    [{ price: { amount: 1250, currency: 'usd' } }, 'price.currency'],
    [{ billing: { type: 'recurring', interval: 'month' } }, 'billing.intervalCount'],
    [{ billing: { type: 'recurring', interval: 'fortnight', intervalCount: 1 } }, 'billing.interval'],
    [{ title: '' }, 'title'],
  ])('a payment page with %j is 400 naming %s', async (change, field) => {
    const page = { brandId: 'brand_acme', title: 'Beans', price: { amount: 1250, currency: 'USD' }, billing: { type: 'one_time' }, ...change }
    const res = await asOperator<any>('POST', '/payment-pages', page)
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe(field)
  })

  test.each([
    ['stripe', { publishableKey: 'pk_test_51Habcdef', secretKey: 'sk_test_51Hsecret9X' }, 'secretKey', '9X'],
    ['paypal', { clientId: 'AbC123', clientSecret: 'EFGH-secret-7777' }, 'clientSecret', '7777'],
    ['razorpay', { keyId: 'rzp_test_abc123', keySecret: 'shh-secret-4321' }, 'keySecret', '4321'],
    ['authorize_net', { apiLoginId: 'login42', transactionKey: 'ABCDEFGH12345678' }, 'transactionKey', '5678'],
  ])('a %s gateway is stored and its secret is never echoed', async (provider, credentials, secretField, tail) => {
    const created = await asOperator<any>('POST', '/gateways', { brandId: 'brand_acme', provider, credentials })
    expect(created.status).toBe(201)
    const secret = (credentials as Record<string, string>)[secretField]!
    for (const body of [created.body, (await asOperator<any>('GET', '/gateways')).body]) {
      expect(JSON.stringify(body)).not.toContain(secret)
    }
    expect(created.body.maskedSecrets[secretField]).toMatch(new RegExp(`^••••.*${tail}$`))
  })

  test('gateway credentials of the wrong shape are 400 naming the field', async () => {
    const res = await asOperator<any>('POST', '/gateways', {
      brandId: 'brand_acme',
      provider: 'stripe',
      credentials: { publishableKey: 'pk_test_51Habcdef', secretKey: 'not-a-key' },
    })
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe('credentials.secretKey')
    expect((await asOperator<any>('POST', '/gateways', { brandId: 'brand_acme', provider: 'bitcoin', credentials: {} })).status).toBe(400)
  })

  test('the operator’s own token is required, and unknown routes answer in the error envelope', async () => {
    expect((await call('GET', '/v1/operator/brands', { token: 'op_wrong' })).status).toBe(401)
    const missing = await call<any>('GET', '/v1/nothing-here')
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('not_found')
  })
})
