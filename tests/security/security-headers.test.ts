import { describe, expect, test } from 'vitest'
import { useServedBuild } from './served-build'

/**
 * Finding 12 (headers): every HTML page and redirect says `nosniff` and a Referrer-Policy; the checkout
 * and the pay links, whose URLs are secrets, send no referrer and are never stored; a pay link's error
 * page runs under the checkout's policy.
 */
const served = useServedBuild()

const DEMO_PAGES = ['/', '/sakura', '/inline', '/npm-app/', '/operator']

async function payLinkOf(status: 'open' | 'revoked'): Promise<string> {
  const api = served.api()
  const visitor = await api.startVisitor()
  const card = await api.share(visitor.conversationId)
  if (status === 'revoked') await api.asOperator('POST', `/v1/operator/payment-requests/${card.id}/revoke`)
  return `/pay/${served.state.paymentRequests.get(card.id)!.payLinkToken}`
}

describe('HTML pages', () => {
  test.each(DEMO_PAGES)('%s is not sniffed and sends only its origin to other sites', async (path) => {
    const page = await served.get(path)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  test('the checkout page sends no referrer, is never stored and runs under its strict policy', async () => {
    const page = await served.get('/checkout/cs_abc123')
    expect(page.status).toBe(200)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; .*frame-ancestors 'none'/)
  })
})

describe('pay links', () => {
  test('the redirect to the checkout is never stored and sends no referrer', async () => {
    const answer = await served.get(await payLinkOf('open'))
    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toMatch(/\/checkout\/cs_/)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer')
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
  })

  test.each([
    ['an unknown link (404)', async () => '/pay/pl_unknown', 404],
    ['a withdrawn card (410)', () => payLinkOf('revoked'), 410],
  ])('the page for %s carries the checkout policy, nosniff, no referrer and no-store', async (_name, path, status) => {
    const checkoutPolicy = (await served.get('/checkout/cs_abc123')).headers.get('content-security-policy')
    const page = await served.get(await path())
    expect(page.status).toBe(status)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(checkoutPolicy)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(page.headers.get('cache-control')).toBe('no-store')
  })
})
