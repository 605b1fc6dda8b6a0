import { describe, expect, test } from 'vitest'
import type { MessageTemplate, PaymentRequest } from '../../src/protocol/types'
import { call, dumpState, OPERATOR_TOKEN, send, share, startVisitor, useReferenceServer } from '../unit/reference-server/harness'
import { openEventStream } from '../unit/reference-server/event-stream'

/**
 * Finding 9: one global operator token read and wrote every brand's conversations; there was no way
 * to give an operator one brand. Now each operator has a token of its own, a role and brands: an
 * agent sees and touches only its brands' objects, and the shop's settings are the admin's.
 */
const state = useReferenceServer({ rateLimits: false })

const ADMIN = OPERATOR_TOKEN
const ANA = 'agent_ana_demo' // Acme Coffee
const KENJI = 'agent_kenji_demo' // Acme Coffee and Sakura Tea
const LUCIA = 'agent_lucia_demo' // Sakura Tea

const as = <T = any>(token: string, method: string, path: string, body?: unknown) =>
  call<T>(method, path, { token, ...(body === undefined ? {} : { body }) })

/** A visitor of each brand with a message and a card each; Acme's message carries a secret. */
async function oneConversationPerBrand() {
  const acme = await startVisitor('wk_demo')
  const sakura = await startVisitor('wk_sakura')
  const secret = `acme-secret-${crypto.randomUUID()}`
  await send(acme.token, acme.conversationId, secret)
  await send(sakura.token, sakura.conversationId, 'こんにちは')
  const acmeCard = await share(acme.conversationId, 'pp_house_blend')
  const sakuraCard = await share(sakura.conversationId, 'pp_matcha_set')
  return { acme, sakura, secret, acmeCard, sakuraCard }
}

describe('who am I', () => {
  test.each([
    [ADMIN, { id: 'op_admin', role: 'admin', brandIds: ['brand_acme', 'brand_sakura'] }],
    [ANA, { id: 'op_ana', name: 'Ana', role: 'agent', brandIds: ['brand_acme'] }],
    [KENJI, { id: 'op_kenji', name: 'Kenji', role: 'agent', brandIds: ['brand_acme', 'brand_sakura'] }],
    [LUCIA, { id: 'op_lucia', name: 'Lucía', role: 'agent', brandIds: ['brand_sakura'] }],
  ])('%s signs in as its operator', async (token, expected) => {
    expect((await call('GET', '/v1/operator/me')).status).toBe(401)
    const answer = await as(token, 'GET', '/v1/operator/me')
    expect(answer.status, answer.text).toBe(200)
    expect(answer.body).toMatchObject(expected)
  })

  test('an operator id is not a token, and no answer carries a token', async () => {
    for (const id of ['op_admin', 'op_ana', 'op_kenji', 'op_lucia']) {
      expect((await as(id, 'GET', '/v1/operator/conversations')).status).toBe(401)
    }
    const operators = await as(LUCIA, 'GET', '/v1/operator/operators')
    expect(operators.status).toBe(200)
    expect(operators.body.operators.map((o: { id: string }) => o.id)).toEqual(['op_admin', 'op_ana', 'op_kenji', 'op_lucia'])
    for (const token of [ADMIN, ANA, KENJI, LUCIA]) expect(operators.text).not.toContain(token)
  })

  test('each token can be changed when the server is created, and the demo one then stops working', async () => {
    const { createServerState } = await import('../../src/server/index')
    const custom = createServerState({ operatorToken: 'admin-secret', operatorTokens: { op_ana: 'ana-secret' } })
    expect(custom.operatorTokens.get('op_ana')).toBe('ana-secret')
    expect(custom.operatorTokens.get('op_admin')).toBe('admin-secret')
    expect(custom.operatorTokens.get('op_lucia')).toBe(LUCIA)
  })
})

describe('an agent sees only its brands', () => {
  test('lists: brands, conversations, payment pages, gateways, templates', async () => {
    await oneConversationPerBrand()
    const brandsOf = async (token: string, path: string, key: string) =>
      [...new Set((await as(token, 'GET', path)).body[key].map((o: { brandId?: string; id: string }) => o.brandId ?? o.id))].sort()
    for (const [token, brands] of [
      [LUCIA, ['brand_sakura']],
      [ANA, ['brand_acme']],
      [KENJI, ['brand_acme', 'brand_sakura']],
      [ADMIN, ['brand_acme', 'brand_sakura']],
    ] as const) {
      expect(await brandsOf(token, '/v1/operator/brands', 'brands')).toEqual(brands)
      expect(await brandsOf(token, '/v1/operator/conversations', 'conversations')).toEqual(brands)
      expect(await brandsOf(token, '/v1/operator/payment-pages', 'paymentPages')).toEqual(brands)
      expect(await brandsOf(token, '/v1/operator/gateways', 'gateways')).toEqual(brands)
    }
    // The seeded templates are Acme Coffee's: Lucía lists none, even when she asks for Acme's by name.
    expect((await as(LUCIA, 'GET', '/v1/operator/templates')).body.templates).toEqual([])
    expect((await as(LUCIA, 'GET', '/v1/operator/templates?brandId=brand_acme')).body.templates).toEqual([])
    expect((await as(LUCIA, 'GET', '/v1/operator/conversations?brandId=brand_acme')).body.conversations).toEqual([])
    expect((await as(ANA, 'GET', '/v1/operator/templates')).body.templates.length).toBeGreaterThan(0)
  })

  test("another brand's conversation, card and transactions are 404 to every read and write, and nothing changes", async () => {
    const { acme, secret, acmeCard } = await oneConversationPerBrand()
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/v1/operator/conversations/${acme.conversationId}/messages`],
      ['POST', `/v1/operator/conversations/${acme.conversationId}/messages`, { text: 'hi from Lucía' }],
      ['GET', `/v1/operator/conversations/${acme.conversationId}/transactions`],
      ['POST', `/v1/operator/conversations/${acme.conversationId}/payment-requests`, { paymentPageId: 'pp_house_blend' }],
      ['POST', `/v1/operator/conversations/${acme.conversationId}/transfer`, { operatorId: 'op_lucia' }],
      ['POST', `/v1/operator/conversations/${acme.conversationId}/templates`, { templateId: 'tpl_follow_up' }],
      ['POST', `/v1/operator/payment-requests/${acmeCard.id}/revoke`],
      ['POST', `/v1/operator/payment-requests/${acmeCard.id}/capture`],
      ['POST', `/v1/operator/payment-requests/${acmeCard.id}/void`],
    ]
    const before = dumpState(state)
    for (const [method, path, body] of attempts) {
      const answer = await as(LUCIA, method, path, body)
      expect([method, path, answer.status, answer.error?.code]).toEqual([method, path, 404, 'not_found'])
      expect(answer.text).not.toContain(secret)
    }
    expect(dumpState(state)).toBe(before)
    // The same calls reach it for an operator of Acme Coffee.
    expect((await as(ANA, 'GET', `/v1/operator/conversations/${acme.conversationId}/messages`)).text).toContain(secret)
    expect((await as(KENJI, 'GET', `/v1/operator/conversations/${acme.conversationId}/transactions`)).status).toBe(200)
  })

  test("another brand's templates and canned replies are 404, and one cannot be made for a brand not one's own", async () => {
    const { acme } = await oneConversationPerBrand()
    const reply = await as(ANA, 'POST', '/v1/operator/canned-responses', { name: 'Beans', text: 'Our beans ship in 2 days.', brandId: 'brand_acme' })
    expect(reply.status, reply.text).toBe(201)
    expect((await as(LUCIA, 'GET', '/v1/operator/canned-responses')).body.cannedResponses).toEqual([])
    for (const [method, path, body] of [
      ['PATCH', `/v1/operator/canned-responses/${reply.body.id}`, { text: 'changed' }],
      ['DELETE', `/v1/operator/canned-responses/${reply.body.id}`],
      ['GET', `/v1/operator/canned-responses/${reply.body.id}/fill?conversationId=${acme.conversationId}`],
      ['PATCH', '/v1/operator/templates/tpl_follow_up', { name: 'renamed' }],
      ['DELETE', '/v1/operator/templates/tpl_follow_up'],
    ] as Array<[string, string, unknown?]>) {
      const answer = await as(LUCIA, method, path, body)
      expect([method, path, answer.status]).toEqual([method, path, 404])
    }
    expect(state.cannedResponses.get(reply.body.id)?.text).toBe('Our beans ship in 2 days.')
    expect(state.templates.get('tpl_follow_up')?.name).toBe('follow_up')

    const template = {
      name: 'matcha_news',
      language: 'en_US',
      category: 'MARKETING',
      components: [{ type: 'BODY', text: 'New matcha is in.' }],
    }
    expect((await as(LUCIA, 'POST', '/v1/operator/templates', { ...template, brandId: 'brand_acme' })).status).toBe(422)
    expect((await as(LUCIA, 'POST', '/v1/operator/canned-responses', { name: 'Tea', text: 'x', brandId: 'brand_acme' })).status).toBe(422)
    // Her own brand's are hers to make and edit.
    const own = await as<MessageTemplate>(LUCIA, 'POST', '/v1/operator/templates', { ...template, brandId: 'brand_sakura' })
    expect(own.status, own.text).toBe(201)
    expect((await as(LUCIA, 'POST', '/v1/operator/canned-responses', { name: 'Tea', text: 'x', brandId: 'brand_sakura' })).status).toBe(201)
  })

  test("her operator stream carries no event of another brand's conversation, live or replayed", async () => {
    const lucia = await openEventStream('http://paychat.test/v1/operator/events', { authorization: `Bearer ${LUCIA}` })
    const { acme, sakura, secret } = await oneConversationPerBrand()
    await send(acme.token, acme.conversationId, `${secret} again`)
    await send(sakura.token, sakura.conversationId, 'done')
    const live = await lucia.next(50, 300)
    expect(live.length).toBeGreaterThan(0)
    expect(live.every((e) => e.data.conversationId === sakura.conversationId)).toBe(true)
    expect(lucia.raw()).not.toContain(secret)
    expect(lucia.raw()).not.toContain(acme.conversationId)

    const replay = await openEventStream('http://paychat.test/v1/operator/events', { authorization: `Bearer ${LUCIA}`, 'last-event-id': '0' })
    const replayed = await replay.next(50, 300)
    expect(replayed.map((e) => e.data.conversationId)).toEqual(live.map((e) => e.data.conversationId))
    expect(replay.raw()).not.toContain(secret)

    const admin = await openEventStream('http://paychat.test/v1/operator/events', { authorization: `Bearer ${ADMIN}`, 'last-event-id': '0' })
    expect((await admin.next(50, 300)).some((e) => e.data.conversationId === acme.conversationId)).toBe(true)
  })
})

describe('the shop’s settings are the admin’s', () => {
  const adminOnly: Array<[string, string, unknown?]> = [
    ['POST', '/v1/operator/payment-pages', { brandId: 'brand_sakura', title: 'Sencha', description: 'Loose leaf.', price: { amount: 1500, currency: 'JPY' }, billing: { type: 'one_time' } }],
    ['PATCH', '/v1/operator/payment-pages/pp_matcha_set', { title: 'Cheap matcha' }],
    ['DELETE', '/v1/operator/payment-pages/pp_matcha_set'],
    ['POST', '/v1/operator/gateways', { brandId: 'brand_sakura', provider: 'stripe', credentials: { publishableKey: 'pk_live_sakura123', secretKey: 'sk_live_sakura456' } }],
    ['POST', '/v1/operator/templates/tpl_payment_link/submit'],
    ['POST', '/v1/operator/credits/purchase', { amount: 100 }],
    ['PUT', '/v1/operator/credits/auto-recharge', { enabled: true, minimumBalance: 10, rechargeAmount: 100 }],
  ]

  test.each(adminOnly)('%s %s is 403 forbidden for an agent, even of that brand, and changes nothing', async (method, path, body) => {
    const before = dumpState(state)
    for (const token of [LUCIA, KENJI, ANA]) {
      const answer = await as(token, method, path, body)
      expect([token, answer.status, answer.error?.code]).toEqual([token, 403, 'forbidden'])
    }
    expect(dumpState(state)).toBe(before)
  })

  test('the admin may do each of them', async () => {
    const draft = await as<MessageTemplate>(ADMIN, 'POST', '/v1/operator/templates', {
      brandId: 'brand_acme',
      name: 'admin_draft',
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Your order is ready.' }],
    })
    for (const [method, path, body] of adminOnly) {
      const answer = await as(ADMIN, method, path.replace('tpl_payment_link', draft.body.id), body)
      expect([method, path, answer.status < 300]).toEqual([method, path, true])
    }
  })

  test('agents still list their brands’ payment pages to share them, and read the credit balance', async () => {
    const { sakura } = await oneConversationPerBrand()
    const pages = await as(LUCIA, 'GET', '/v1/operator/payment-pages?brandId=brand_sakura')
    expect(pages.body.paymentPages.map((p: { id: string }) => p.id)).toContain('pp_matcha_set')
    const shared = await as<PaymentRequest>(LUCIA, 'POST', `/v1/operator/conversations/${sakura.conversationId}/payment-requests`, { paymentPageId: 'pp_matcha_set' })
    expect(shared.status, shared.text).toBe(201)
    expect((await as(LUCIA, 'GET', '/v1/operator/credits')).status).toBe(200)
  })
})

describe('transfer', () => {
  test('goes only to an operator of the conversation’s brand', async () => {
    const { acme, sakura } = await oneConversationPerBrand()
    const toLucia = await as(ADMIN, 'POST', `/v1/operator/conversations/${acme.conversationId}/transfer`, { operatorId: 'op_lucia' })
    expect([toLucia.status, toLucia.error?.code, toLucia.error?.field]).toEqual([422, 'unknown_operator', 'operatorId'])
    expect(state.assignments.get(acme.conversationId)).toBeUndefined()
    const toKenji = await as(ANA, 'POST', `/v1/operator/conversations/${acme.conversationId}/transfer`, { operatorId: 'op_kenji' })
    expect(toKenji.status, toKenji.text).toBe(200)
    expect((await as(LUCIA, 'POST', `/v1/operator/conversations/${sakura.conversationId}/transfer`, { operatorId: 'op_ana' })).status).toBe(422)
    expect((await as(LUCIA, 'POST', `/v1/operator/conversations/${sakura.conversationId}/transfer`, { operatorId: 'op_admin' })).status).toBe(200)
  })
})
