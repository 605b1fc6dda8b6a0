import { getResponse } from 'msw'
import { describe, expect, test } from 'vitest'
import { createHandlers } from '../../../src/server/index'
import { asOperator, BASE, call, OPERATOR_TOKEN, startVisitor, useReferenceServer } from './harness'

useReferenceServer()

const origin = 'https://shop.example'

describe('CORS', () => {
  test.each(['/v1/sessions', '/v1/conversations/conv_x/messages', '/v1/operator/brands', '/v1/checkout/sessions/cs_x/pay'])(
    'preflight OPTIONS %s is 204 with the methods, headers and origin',
    async (path) => {
      const answer = await call('OPTIONS', path, {
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, idempotency-key' },
      })
      expect(answer.status).toBe(204)
      expect(answer.text).toBe('')
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin)
      expect(answer.headers.get('vary')).toContain('Origin')
      const allowed = answer.headers.get('access-control-allow-headers')!.split(/,\s*/).map((h) => h.toLowerCase())
      expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'last-event-id']))
      const methods = answer.headers.get('access-control-allow-methods')!.split(/,\s*/)
      expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']))
      expect(answer.headers.get('access-control-expose-headers')).toContain('Retry-After')
    },
  )

  test.each([
    ['a success', () => call('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo' }, headers: { origin } }), 201],
    ['an error', () => call('POST', '/v1/sessions', { body: { widgetKey: 'nope' }, headers: { origin } }), 404],
    ['a 401', () => call('GET', '/v1/operator/brands', { headers: { origin } }), 401],
    ['an operator answer', () => call('GET', '/v1/operator/brands', { token: OPERATOR_TOKEN, headers: { origin } }), 200],
  ])('%s echoes the Origin with Vary: Origin', async (_case, request, status) => {
    const answer = await request()
    expect(answer.status).toBe(status)
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin)
    expect(answer.headers.get('vary')).toContain('Origin')
  })

  test('the event stream echoes the Origin too', async () => {
    const visitor = await startVisitor()
    const controller = new AbortController()
    const response = await fetch(`${BASE}/v1/conversations/${visitor.conversationId}/events`, {
      headers: { origin, authorization: `Bearer ${visitor.token}` },
      signal: controller.signal,
    })
    controller.abort()
    expect(response.headers.get('access-control-allow-origin')).toBe(origin)
  })

  test('without an Origin no CORS headers are sent', async () => {
    const answer = await call('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo' } })
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('routes', () => {
  test.each([
    ['GET', '/v1/nope'],
    ['POST', '/v1/conversations'],
    ['DELETE', '/v1/sessions'],
    ['PUT', '/v1/operator/payment-pages/pp_house_blend'],
  ])('%s %s (no such route) is 404 with the error envelope and CORS', async (method, path) => {
    const answer = await call(method, path, { headers: { origin } })
    expect(answer.status).toBe(404)
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    expect(answer.body).toEqual({ error: { code: 'not_found', message: expect.stringContaining(path) } })
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin)
  })

  test('JSON answers are not cached', async () => {
    const answer = await call('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo' } })
    expect(answer.headers.get('cache-control')).toBe('no-store')
  })

  test('with mock: false the mock controls are not served', async () => {
    const handlers = createHandlers({ mock: false })
    const answer = await getResponse(handlers, new Request(`${BASE}/v1/mock/clock`, { method: 'POST', body: '{"advanceMs":1}' }))
    expect(answer?.status).toBe(404)
    expect((await getResponse(handlers, new Request(`${BASE}/v1/mock/reset`, { method: 'POST' })))?.status).toBe(404)
  })

  test('POST /v1/mock/reset is 204 and returns the state to the seed', async () => {
    const visitor = await startVisitor()
    expect((await asOperator('POST', '/v1/mock/reset')).status).toBe(204)
    const again = await call('GET', `/v1/conversations/${visitor.conversationId}/messages`, { token: visitor.token })
    expect(again.status).toBe(401)
  })
})
