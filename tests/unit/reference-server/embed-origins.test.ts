import { describe, expect, test } from 'vitest'
import type { SessionResponse } from '../../../src/protocol/types'
import { originAllowed } from '../../../src/server/embed-origin'
import { call, startVisitor, useReferenceServer } from './harness'

const state = useReferenceServer()

/** Acme, restricted to its own shop (the demo seed allows every origin). */
function restrictAcmeTo(...origins: string[]) {
  state.brands.get('brand_acme')!.allowedOrigins = origins
}

const startFrom = (origin: string | null, widgetKey = 'wk_demo') =>
  call<SessionResponse>('POST', '/v1/sessions', { body: { widgetKey }, headers: origin ? { origin } : {} })

describe('originAllowed', () => {
  test.each([
    [['*'], 'https://anything.example', true],
    [['*'], 'null', true],
    [['https://shop.example'], 'https://shop.example', true],
    [['https://shop.example/'], 'https://shop.example', true],
    [['https://Shop.Example'], 'https://shop.example:443', true],
    [['https://shop.example'], 'http://shop.example', false],
    [['https://shop.example'], 'https://shop.example:8443', false],
    [['https://shop.example'], 'https://evil.shop.example', false],
    [['https://shop.example'], 'https://shop.example.evil', false],
    [['https://shop.example'], 'null', false],
    [['https://shop.example'], 'not an origin', false],
    [[], 'https://shop.example', false],
    [[], null, true],
  ] as const)('%j allows %j: %s', (allowed, origin, expected) => {
    expect(originAllowed(allowed, origin)).toBe(expected)
  })
})

describe('a brand with an allow-list', () => {
  test('starts a session from an allowed page', async () => {
    restrictAcmeTo('https://shop.example')
    const answer = await startFrom('https://shop.example')
    expect(answer.status, answer.text).toBe(201)
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://shop.example')
  })

  test('refuses another page with 403 origin_not_allowed that the widget can still read, and starts nothing', async () => {
    restrictAcmeTo('https://shop.example')
    const answer = await startFrom('https://copycat.example')
    expect([answer.status, answer.error?.code]).toEqual([403, 'origin_not_allowed'])
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://copycat.example')
    expect(state.conversations.size).toBe(0)
  })

  test('lets a call with no Origin through (no web page is involved)', async () => {
    restrictAcmeTo('https://shop.example')
    expect((await startFrom(null)).status).toBe(201)
  })

  test("refuses a visitor's later calls from another page, even with a valid token", async () => {
    const visitor = await startVisitor()
    restrictAcmeTo('https://shop.example')
    const path = `/v1/conversations/${visitor.conversationId}/messages`
    const fromShop = await call('GET', path, { token: visitor.token, headers: { origin: 'https://shop.example' } })
    const elsewhere = await call('GET', path, { token: visitor.token, headers: { origin: 'https://copycat.example' } })
    expect(fromShop.status).toBe(200)
    expect([elsewhere.status, elsewhere.error?.code]).toEqual([403, 'origin_not_allowed'])
  })

  test('restricts only its own brand: Sakura still embeds anywhere', async () => {
    restrictAcmeTo('https://shop.example')
    expect((await startFrom('https://copycat.example', 'wk_sakura')).status).toBe(201)
  })

  test('an unknown widget key is still 404, whatever the origin', async () => {
    restrictAcmeTo('https://shop.example')
    const answer = await startFrom('https://copycat.example', 'wk_nope')
    expect([answer.status, answer.error?.code]).toEqual([404, 'unknown_widget_key'])
  })
})
