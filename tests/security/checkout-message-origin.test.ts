import { afterEach, describe, expect, test, vi } from 'vitest'
import { browserHost } from '../../src/checkout/host'
import type { CheckoutSessionView } from '../../src/protocol/types'
import { call, share, startVisitor, useReferenceServer } from '../unit/reference-server/harness'

/**
 * Finding 12 (the opener hint): the checkout posted its hint to whatever page its opener showed, with
 * target origin '*'. It now posts only to the origin of the page that pressed Pay Now, which the
 * server records from that call's Origin and gives the page with the session.
 */
const state = useReferenceServer()

const SHOP = 'https://shop.example'

async function payNowFrom(origin: string | null) {
  const visitor = await startVisitor()
  const card = await share(visitor.conversationId)
  const link = await call<{ checkoutSessionId: string }>('POST', `/v1/payment-requests/${card.id}/checkout`, {
    token: visitor.token,
    headers: { 'idempotency-key': crypto.randomUUID(), ...(origin ? { origin } : {}) },
  })
  expect(link.status, link.text).toBe(200)
  return { visitor, card, sessionId: link.body.checkoutSessionId }
}

const sessionView = async (id: string) => (await call<CheckoutSessionView>('GET', `/v1/checkout/sessions/${id}`)).body

describe('the server records who opened the checkout', () => {
  test('the session says the origin of the page whose Pay Now opened it', async () => {
    const { sessionId } = await payNowFrom(`${SHOP}:443`)
    expect((await sessionView(sessionId)).openerOrigin).toBe(SHOP)
  })

  test('opened without a page (a pay link, a script), the session names no opener', async () => {
    const { sessionId } = await payNowFrom(null)
    expect((await sessionView(sessionId)).openerOrigin).toBeNull()
  })

  test('an opaque origin ("null", a sandboxed frame) is no opener', async () => {
    const { sessionId } = await payNowFrom('null')
    expect((await sessionView(sessionId)).openerOrigin).toBeNull()
  })

  test('Reopen checkout names the page it came from this time; a replayed key changes nothing', async () => {
    const { visitor, card, sessionId } = await payNowFrom(SHOP)
    const reopen = (key: string, origin: string) =>
      call<{ checkoutSessionId: string }>('POST', `/v1/payment-requests/${card.id}/checkout`, {
        token: visitor.token,
        headers: { 'idempotency-key': key, origin },
      })
    expect((await reopen('reopen', 'https://www.shop.example')).body.checkoutSessionId).toBe(sessionId)
    expect((await sessionView(sessionId)).openerOrigin).toBe('https://www.shop.example')
    expect((await reopen('reopen', 'https://evil.example')).body.checkoutSessionId).toBe(sessionId)
    expect((await sessionView(sessionId)).openerOrigin).toBe('https://www.shop.example')
  })

  test('a pay link opened later keeps the opener the chat gave', async () => {
    const { card, sessionId } = await payNowFrom(SHOP)
    await fetch(`http://paychat.test/pay/${state.paymentRequests.get(card.id)!.payLinkToken}`, { redirect: 'manual' })
    expect((await sessionView(sessionId)).openerOrigin).toBe(SHOP)
  })
})

describe('the page posts its hint', () => {
  afterEach(() => vi.unstubAllGlobals())

  test('only to the opener’s recorded origin, never to "*"', () => {
    const postMessage = vi.fn()
    vi.stubGlobal('window', { opener: { postMessage } })
    browserHost.notifyOpener('pr_123', SHOP)
    expect(postMessage).toHaveBeenCalledTimes(1)
    expect(postMessage).toHaveBeenCalledWith({ type: 'paychat:checkout', paymentRequestId: 'pr_123' }, SHOP)
  })

  test('to no one when the session names no opener', () => {
    const postMessage = vi.fn()
    vi.stubGlobal('window', { opener: { postMessage } })
    browserHost.notifyOpener('pr_123', null)
    expect(postMessage).not.toHaveBeenCalled()
  })
})
