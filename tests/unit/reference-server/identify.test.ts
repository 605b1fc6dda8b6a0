import { describe, expect, test, vi } from 'vitest'
import type { ConversationSummary, IdentifyResponse, Message, SessionResponse } from '../../../src/protocol/types'
import * as http from '../../../src/server/http'
import { createServerState } from '../../../src/server/index'
import { hmacSha256Hex } from '../../../src/server/whatsapp/signature'
import { asOperator, call, startVisitor, useReferenceServer } from './harness'

const state = useReferenceServer()

const EMAIL = 'ana@example.com'
const hash = (secret: string, text = EMAIL) => hmacSha256Hex(secret, text)

async function summaryOf(conversationId: string): Promise<ConversationSummary> {
  const answer = await asOperator<ConversationSummary[] | { conversations: ConversationSummary[] }>('GET', '/v1/operator/conversations')
  const list = Array.isArray(answer.body) ? answer.body : answer.body.conversations
  return list.find((c) => c.id === conversationId)!
}

describe('POST /v1/identify (identity verification)', () => {
  test('the demo secrets are the documented ones, and each can be set when the server is created', () => {
    expect(state.identitySecrets).toEqual({ brand_acme: 'idv_demo_acme', brand_sakura: 'idv_demo_sakura' })
    expect(createServerState({ identitySecrets: { brand_acme: 'idv_own' } }).identitySecrets).toEqual({
      brand_acme: 'idv_own',
      brand_sakura: 'idv_demo_sakura',
    })
  })

  test('a right hash sets name and email and marks the conversation verified; later messages carry the name', async () => {
    const visitor = await startVisitor()
    expect((await summaryOf(visitor.conversationId)).visitorVerified).toBe(false)
    const answer = await call<IdentifyResponse>('POST', '/v1/identify', {
      token: visitor.token,
      body: { name: 'Ana', email: EMAIL, userHash: await hash('idv_demo_acme') },
    })
    expect(answer.status, answer.text).toBe(200)
    expect(answer.body).toEqual({ visitor: { name: 'Ana', email: EMAIL, verified: true } })
    const summary = await summaryOf(visitor.conversationId)
    expect(summary).toMatchObject({ visitorName: 'Ana', visitorVerified: true })
    const sent = await call<Message>('POST', `/v1/conversations/${visitor.conversationId}/messages`, {
      token: visitor.token,
      body: { clientId: 'c1', text: 'hi' },
    })
    expect(sent.body.author.name).toBe('Ana')
  })

  test('the hash is accepted in upper case hex too', async () => {
    const visitor = await startVisitor()
    const userHash = (await hash('idv_demo_acme')).toUpperCase()
    const answer = await call('POST', '/v1/identify', { token: visitor.token, body: { email: EMAIL, userHash } })
    expect(answer.status, answer.text).toBe(200)
  })

  test.each([
    ['a wrong hash', async () => 'deadbeef'],
    ['the hash of another email', async () => hash('idv_demo_acme', 'eve@example.com')],
    ["the other brand's secret", async () => hash('idv_demo_sakura')],
    ['an empty-looking hash of the right length', async () => '0'.repeat(64)],
  ])('%s is 401 identity_invalid and changes nothing', async (_case, userHashOf) => {
    const visitor = await startVisitor()
    const answer = await call('POST', '/v1/identify', {
      token: visitor.token,
      body: { name: 'Eve', email: EMAIL, userHash: await userHashOf() },
    })
    expect(answer.status).toBe(401)
    expect(answer.error?.code).toBe('identity_invalid')
    expect(answer.text).not.toContain('idv_demo')
    expect(await summaryOf(visitor.conversationId)).toMatchObject({ visitorName: null, visitorVerified: false })
  })

  test('a missing hash or email is 400; no session token is 401', async () => {
    const visitor = await startVisitor()
    expect((await call('POST', '/v1/identify', { token: visitor.token, body: { email: EMAIL } })).status).toBe(400)
    expect((await call('POST', '/v1/identify', { token: visitor.token, body: { userHash: 'x' } })).status).toBe(400)
    const anonymous = await call('POST', '/v1/identify', { body: { email: EMAIL, userHash: await hash('idv_demo_acme') } })
    expect(anonymous.status).toBe(401)
    expect(anonymous.error?.code).not.toBe('identity_invalid')
  })

  test('the comparison is the constant-time safeEqual', async () => {
    const safeEqual = vi.spyOn(http, 'safeEqual')
    const visitor = await startVisitor()
    await call('POST', '/v1/identify', { token: visitor.token, body: { email: EMAIL, userHash: 'nope' } })
    expect(safeEqual).toHaveBeenCalled()
  })

  test('no answer of the API carries a secret', async () => {
    const visitor = await startVisitor()
    const answers = await Promise.all([
      call('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo' } }),
      asOperator('GET', '/v1/operator/conversations'),
      call('GET', '/openapi.json'),
      call('GET', `/v1/conversations/${visitor.conversationId}/messages`, { token: visitor.token }),
    ])
    for (const answer of answers) expect(answer.text).not.toMatch(/idv_demo/)
  })
})

describe('POST /v1/sessions with visitor.userHash', () => {
  test('a right hash starts a verified session', async () => {
    const answer = await call<SessionResponse>('POST', '/v1/sessions', {
      body: { widgetKey: 'wk_sakura', visitor: { name: 'Ken', email: EMAIL, userHash: await hash('idv_demo_sakura') } },
    })
    expect(answer.status, answer.text).toBe(201)
    expect(await summaryOf(answer.body.conversation.id)).toMatchObject({ visitorName: 'Ken', visitorVerified: true })
  })

  test.each([
    ['a wrong hash', { email: EMAIL, userHash: 'bad' }],
    ['a hash without an email', { userHash: 'bad' }],
  ])('%s is 401 identity_invalid and starts nothing', async (_case, visitor) => {
    const before = await asOperator<unknown[]>('GET', '/v1/operator/conversations')
    const answer = await call('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo', visitor } })
    expect(answer.status).toBe(401)
    expect(answer.error?.code).toBe('identity_invalid')
    const after = await asOperator<unknown[]>('GET', '/v1/operator/conversations')
    expect(JSON.stringify(after.body).length).toBe(JSON.stringify(before.body).length)
  })

  test('resuming with a right hash verifies the resumed visitor', async () => {
    const first = await startVisitor()
    const answer = await call<SessionResponse>('POST', '/v1/sessions', {
      body: { widgetKey: 'wk_demo', sessionToken: first.token, visitor: { email: EMAIL, userHash: await hash('idv_demo_acme') } },
    })
    expect(answer.status).toBe(200)
    expect(await summaryOf(first.conversationId)).toMatchObject({ visitorVerified: true })
  })
})
