import { describe, expect, test } from 'vitest'
import type { SessionResponse } from '../../../src/protocol/types'
import { call, useReferenceServer } from './harness'

useReferenceServer()

const createSession = (body: unknown) => call<SessionResponse>('POST', '/v1/sessions', { body })

describe('POST /v1/sessions', () => {
  test('a widget key starts a new session (201) with the public brand and an empty conversation', async () => {
    const answer = await createSession({ widgetKey: 'wk_demo', visitor: { name: 'Ada' } })
    expect(answer.status).toBe(201)
    const { session, brand, conversation } = answer.body
    expect(session).toEqual({ token: expect.stringMatching(/^st_/), visitorId: expect.stringMatching(/^vis_/), resumed: false })
    expect(brand).toMatchObject({ id: 'brand_acme', name: 'Acme Coffee', currency: 'USD' })
    expect(brand).not.toHaveProperty('widgetKey')
    expect(brand).not.toHaveProperty('allowedOrigins')
    expect(conversation).toMatchObject({ id: expect.stringMatching(/^conv_/), brandId: 'brand_acme', visitorId: session.visitorId })
  })

  test('the token resumes its session (200, resumed) with the same conversation', async () => {
    const first = await createSession({ widgetKey: 'wk_demo' })
    const again = await createSession({ widgetKey: 'wk_demo', sessionToken: first.body.session.token })
    expect(again.status).toBe(200)
    expect(again.body.session).toEqual({ ...first.body.session, resumed: true })
    expect(again.body.conversation.id).toBe(first.body.conversation.id)
  })

  test.each([
    ['a token of the other brand', async () => (await createSession({ widgetKey: 'wk_demo' })).body.session.token],
    ['an unknown token', async () => 'st_not_a_real_token'],
  ])('%s starts a new session instead of resuming', async (_case, tokenOf) => {
    const sessionToken = await tokenOf()
    const answer = await createSession({ widgetKey: 'wk_sakura', sessionToken })
    expect(answer.status).toBe(201)
    expect(answer.body.session.resumed).toBe(false)
    expect(answer.body.session.token).not.toBe(sessionToken)
    expect(answer.body.conversation.brandId).toBe('brand_sakura')
  })

  test('an unknown widget key is 404 unknown_widget_key', async () => {
    const answer = await createSession({ widgetKey: 'wk_nobody' })
    expect(answer.status).toBe(404)
    expect(answer.error).toMatchObject({ code: 'unknown_widget_key', field: 'widgetKey' })
  })

  test.each([
    ['missing widgetKey', {}, 'widgetKey'],
    ['blank widgetKey', { widgetKey: '   ' }, 'widgetKey'],
    ['widgetKey not a string', { widgetKey: 42 }, 'widgetKey'],
    ['bad visitor email', { widgetKey: 'wk_demo', visitor: { email: 'not-an-email' } }, 'visitor.email'],
  ])('%s is 400 validation_failed naming the field', async (_case, body, field) => {
    const answer = await createSession(body)
    expect(answer.status).toBe(400)
    expect(answer.error).toMatchObject({ code: 'validation_failed', field, message: expect.any(String) })
  })

  test('a body that is not JSON is 400 invalid_json', async () => {
    const answer = await createSession('{"widgetKey": "wk_demo"')
    expect(answer.status).toBe(400)
    expect(answer.error?.code).toBe('invalid_json')
  })

  test.each([
    [64 * 1024, 201, undefined],
    [64 * 1024 + 1, 413, 'payload_too_large'],
  ])('a body of %i bytes answers %i (the limit is 64 KiB)', async (bytes, status, code) => {
    const json = '{"widgetKey":"wk_demo"}'
    const answer = await createSession(json + ' '.repeat(bytes - json.length))
    expect(answer.status).toBe(status)
    expect(answer.error?.code).toBe(code)
  })
})
