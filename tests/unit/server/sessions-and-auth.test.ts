import { describe, expect, test } from 'vitest'
import { asOperator, call, checkout, referenceServer, share, startVisitor } from './harness'

referenceServer()

describe('sessions', () => {
  test('a new visitor gets a token, the public brand and a fresh conversation', async () => {
    const { status, body } = await call<any>('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo' } })
    expect(status).toBe(201)
    expect(body.session).toMatchObject({ resumed: false, token: expect.stringMatching(/^st_[0-9a-f]{48}$/) })
    expect(body.brand).toMatchObject({ name: 'Acme Coffee', currency: 'USD' })
    expect(body.brand).not.toHaveProperty('widgetKey')
    expect(body.conversation.id).toMatch(/^conv_/)
  })

  test('the same token resumes the same conversation', async () => {
    const first = await startVisitor()
    const { status, body } = await call<any>('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo', sessionToken: first.token } })
    expect(status).toBe(200)
    expect(body.session).toMatchObject({ resumed: true, token: first.token })
    expect(body.conversation.id).toBe(first.conversationId)
  })

  test('a token of another brand starts a new session instead of crossing brands', async () => {
    const acme = await startVisitor('wk_demo')
    const { status, body } = await call<any>('POST', '/v1/sessions', { body: { widgetKey: 'wk_sakura', sessionToken: acme.token } })
    expect(status).toBe(201)
    expect(body.conversation.id).not.toBe(acme.conversationId)
    expect(body.brand.name).toBe('Sakura Tea')
  })

  test.each([
    [{ widgetKey: 'wk_nope' }, 404, 'unknown_widget_key', 'widgetKey'],
    [{}, 400, 'validation_failed', 'widgetKey'],
    [{ widgetKey: 'wk_demo', visitor: { email: 'not-an-email' } }, 400, 'validation_failed', 'visitor.email'],
  ])('%j is refused with %i %s', async (body, status, code, field) => {
    const res = await call<any>('POST', '/v1/sessions', { body })
    expect(res.status).toBe(status)
    expect(res.body.error).toMatchObject({ code, field })
    expect(res.body.error.message).toEqual(expect.any(String))
  })

  test('a body that is not JSON is 400 invalid_json, and one over 64 KiB is 413', async () => {
    expect((await call<any>('POST', '/v1/sessions', { body: '{nope' })).body.error.code).toBe('invalid_json')
    const huge = await call<any>('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo', locale: 'x'.repeat(70_000) } })
    expect(huge.status).toBe(413)
    expect(huge.body.error.code).toBe('payload_too_large')
  })
})

describe('authorization', () => {
  test('no token, an unknown token, and the operator token are all 401 on visitor routes', async () => {
    const { conversationId } = await startVisitor()
    for (const token of [undefined, 'st_forged', 'op_demo']) {
      const res = await call<any>('GET', `/v1/conversations/${conversationId}/messages`, token ? { token } : {})
      expect(res.status).toBe(401)
      expect(res.body.error.code).toBe('unauthorized')
    }
  })

  test('a visitor cannot read, write or follow another visitor’s conversation', async () => {
    const alice = await startVisitor()
    const mallory = await startVisitor()
    const path = `/v1/conversations/${alice.conversationId}`
    const attempts = [
      call<any>('GET', `${path}/messages`, { token: mallory.token }),
      call<any>('POST', `${path}/messages`, { token: mallory.token, body: { clientId: 'c1', text: 'hi' } }),
      call<any>('GET', `${path}/events`, { token: mallory.token }),
    ]
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('forbidden')
    }
  })

  test('a conversation that does not exist is 404, not 403', async () => {
    const { token } = await startVisitor()
    expect((await call('GET', '/v1/conversations/conv_missing/messages', { token })).status).toBe(404)
  })

  test('a visitor cannot see, pay or cancel another conversation’s payment request', async () => {
    const alice = await startVisitor()
    const mallory = await startVisitor()
    const request = await share(alice.conversationId)
    expect((await call('GET', `/v1/payment-requests/${request.id}`, { token: mallory.token })).status).toBe(403)
    expect((await checkout(mallory.token, request.id)).status).toBe(403)
    expect((await call('POST', `/v1/payment-requests/${request.id}/decline`, { token: mallory.token })).status).toBe(403)
    expect((await call<any>('GET', `/v1/payment-requests/${request.id}`, { token: alice.token })).body.status).toBe('pending')
  })

  test('operator routes refuse a visitor token', async () => {
    const { token } = await startVisitor()
    for (const path of ['/brands', '/conversations', '/payment-pages', '/gateways']) {
      expect((await call('GET', `/v1/operator${path}`, { token })).status).toBe(401)
    }
    expect((await asOperator('GET', '/brands')).status).toBe(200)
  })
})
