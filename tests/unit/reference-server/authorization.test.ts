import { describe, expect, test } from 'vitest'
import { call, OPERATOR_TOKEN, share, startVisitor, useReferenceServer } from './harness'

useReferenceServer()

/** Two visitors of the same brand; `mine` owns a shared card. */
async function twoVisitors() {
  const mine = await startVisitor()
  const other = await startVisitor()
  const card = await share(mine.conversationId)
  return { mine, other, card }
}

type Ids = Awaited<ReturnType<typeof twoVisitors>>

/** Every visitor route, with the ids of `mine`. */
const visitorRoutes: Array<[string, string, (ids: Ids) => string, unknown?]> = [
  ['GET', 'messages', ({ mine }) => `/v1/conversations/${mine.conversationId}/messages`],
  ['POST', 'messages', ({ mine }) => `/v1/conversations/${mine.conversationId}/messages`, { clientId: 'c-1', text: 'hi' }],
  ['GET', 'events', ({ mine }) => `/v1/conversations/${mine.conversationId}/events`],
  ['GET', 'payment request', ({ card }) => `/v1/payment-requests/${card.id}`],
  ['POST', 'checkout', ({ card }) => `/v1/payment-requests/${card.id}/checkout`],
  ['POST', 'decline', ({ card }) => `/v1/payment-requests/${card.id}/decline`],
]

/** Every operator route. */
const operatorRoutes: Array<[string, string, (ids: Ids) => string, unknown?]> = [
  ['GET', 'brands', () => '/v1/operator/brands'],
  ['GET', 'conversations', () => '/v1/operator/conversations'],
  ['GET', 'messages', ({ mine }) => `/v1/operator/conversations/${mine.conversationId}/messages`],
  ['POST', 'messages', ({ mine }) => `/v1/operator/conversations/${mine.conversationId}/messages`, { text: 'hi' }],
  ['GET', 'events', () => '/v1/operator/events'],
  ['GET', 'payment pages', () => '/v1/operator/payment-pages'],
  ['POST', 'payment pages', () => '/v1/operator/payment-pages', {}],
  ['PATCH', 'payment pages', () => '/v1/operator/payment-pages/pp_house_blend', { title: 'x' }],
  ['DELETE', 'payment pages', () => '/v1/operator/payment-pages/pp_house_blend'],
  ['GET', 'gateways', () => '/v1/operator/gateways'],
  ['POST', 'gateways', () => '/v1/operator/gateways', {}],
  ['POST', 'share', ({ mine }) => `/v1/operator/conversations/${mine.conversationId}/payment-requests`, { paymentPageId: 'pp_house_blend' }],
  ['POST', 'revoke', ({ card }) => `/v1/operator/payment-requests/${card.id}/revoke`],
]

const headers = { 'idempotency-key': 'key-1' }

describe('visitor routes', () => {
  test.each(visitorRoutes)('%s %s without a token is 401 unauthorized', async (method, _name, path, body) => {
    const ids = await twoVisitors()
    const answer = await call(method, path(ids), { body, headers })
    expect(answer.status).toBe(401)
    expect(answer.error?.code).toBe('unauthorized')
  })

  test.each([
    ['Basic', (token: string) => `Basic ${token}`],
    ['an unknown token', () => 'Bearer st_unknown'],
    ['an empty bearer', () => 'Bearer '],
  ])('a header with %s is 401', async (_case, authorization) => {
    const ids = await twoVisitors()
    const answer = await call('GET', `/v1/conversations/${ids.mine.conversationId}/messages`, {
      headers: { authorization: authorization(ids.mine.token) },
    })
    expect(answer.status).toBe(401)
  })

  test.each(visitorRoutes)('%s %s with the operator token is 401', async (method, _name, path, body) => {
    const ids = await twoVisitors()
    const answer = await call(method, path(ids), { token: OPERATOR_TOKEN, body, headers })
    expect(answer.status).toBe(401)
    expect(answer.error?.code).toBe('unauthorized')
  })

  test.each(visitorRoutes)("%s %s with another visitor's token is 403 forbidden", async (method, _name, path, body) => {
    const ids = await twoVisitors()
    const answer = await call(method, path(ids), { token: ids.other.token, body, headers })
    expect(answer.status).toBe(403)
    expect(answer.error?.code).toBe('forbidden')
  })

  test('the owner is let through on every visitor route', async () => {
    const ids = await twoVisitors()
    for (const [method, name, path, body] of visitorRoutes.filter(([, name]) => name !== 'events')) {
      const answer = await call(method, path(ids), { token: ids.mine.token, body, headers })
      expect(answer.status, `${method} ${name}: ${answer.text}`).toBeLessThan(300)
    }
  })

  test.each([
    ['GET', '/v1/conversations/conv_nope/messages'],
    ['POST', '/v1/conversations/conv_nope/messages'],
    ['GET', '/v1/conversations/conv_nope/events'],
    ['GET', '/v1/payment-requests/pr_nope'],
    ['POST', '/v1/payment-requests/pr_nope/checkout'],
    ['POST', '/v1/payment-requests/pr_nope/decline'],
  ])('%s %s (an id that does not exist) is 404 not_found', async (method, path) => {
    const { token } = await startVisitor()
    const answer = await call(method, path, { token, body: { clientId: 'c-1', text: 'hi' }, headers })
    expect(answer.status).toBe(404)
    expect(answer.error?.code).toBe('not_found')
  })
})

describe('operator routes', () => {
  test.each(operatorRoutes)('%s %s with a visitor token is 401', async (method, _name, path, body) => {
    const ids = await twoVisitors()
    const answer = await call(method, path(ids), { token: ids.mine.token, body })
    expect(answer.status).toBe(401)
    expect(answer.error?.code).toBe('unauthorized')
  })

  test.each(operatorRoutes)('%s %s without a token is 401', async (method, _name, path, body) => {
    const ids = await twoVisitors()
    expect((await call(method, path(ids), { body })).status).toBe(401)
  })
})
