// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, test } from 'vitest'
import type { CheckoutPayResult } from '../../src/protocol/types'
import { fillCard, GOOD_CARD, payButton, renderCheckout, type } from '../component/checkout/render-checkout'
import { behindThePage, openCheckout, useReferenceServer } from '../component/checkout/reference-server'
import { CARDS, transactionsOf, visitorAtCheckout } from '../unit/reference-server/checkout-calls'
import { call, card, type CallOptions } from '../unit/reference-server/harness'

// Finding 4: the checkout page sent no Idempotency-Key, and the server did not ask for one: 20 concurrent
// identical $1.00 part payments made 20 charges, and 5 identical $5 extras made 3.
const { server } = useReferenceServer({ rateLimits: false })
afterEach(() => cleanup())

const payCall = (sessionId: string, options: CallOptions) =>
  call<CheckoutPayResult>('POST', `/v1/checkout/sessions/${sessionId}/pay`, options)

/** `times` copies of one request, all sent before any is answered. */
const atOnce = <T,>(times: number, send: () => Promise<T>) => Promise.all(Array.from({ length: times }, send))

describe('the server requires an Idempotency-Key on every pay', () => {
  test('without one: 400 idempotency_key_required, and nothing is charged or recorded', async () => {
    const { visitor, card: request, sessionId } = await visitorAtCheckout()
    const answer = await payCall(sessionId, { body: card(CARDS.visa) })
    expect([answer.status, answer.error?.code], answer.text).toEqual([400, 'idempotency_key_required'])
    expect((await call('GET', `/v1/payment-requests/${request.id}`, { token: visitor.token })).body).toMatchObject({ status: 'checkout_open', charges: [] })
    expect(await transactionsOf(visitor.conversationId)).toEqual([])
  })

  test('20 identical part payments sent at once with one key make one charge; the others replay it or are 409', async () => {
    const { visitor, card: request, sessionId } = await visitorAtCheckout()
    const answers = await atOnce(20, () => payCall(sessionId, { body: card(CARDS.visa, { amount: 100 }), headers: { 'idempotency-key': 'part-1' } }))
    const charged = answers.filter((a) => a.status === 200)
    expect(charged.length).toBeGreaterThan(0)
    for (const answer of charged) expect(answer.body).toEqual(charged[0]!.body)
    for (const answer of answers.filter((a) => a.status !== 200)) expect([answer.status, answer.error?.code]).toEqual([409, 'idempotency_in_progress'])
    const now = (await call<{ charges: unknown[]; amountPaid: { amount: number } }>('GET', `/v1/payment-requests/${request.id}`, { token: visitor.token })).body
    expect([now.charges.length, now.amountPaid.amount]).toEqual([1, 100])
  })

  test('5 identical $5 extra payments sent at once with one key make one charge', async () => {
    const { visitor, card: request, sessionId } = await visitorAtCheckout()
    await payCall(sessionId, { body: card(CARDS.visa), headers: { 'idempotency-key': 'price' } })
    const extra = card(CARDS.visa, { extra: { label: 'Tip', amount: 500 } })
    await atOnce(5, () => payCall(sessionId, { body: extra, headers: { 'idempotency-key': 'tip-1' } }))
    const charges = (await call<{ charges: { kind: string }[] }>('GET', `/v1/payment-requests/${request.id}`, { token: visitor.token })).body.charges
    expect(charges.filter((c) => c.kind === 'extra')).toHaveLength(1)
  })

  test("the bank step's answer sent twice with one key is answered twice and charged once", async () => {
    const { visitor, card: request, sessionId } = await visitorAtCheckout()
    const step = await payCall(sessionId, { body: card(CARDS.threeDSecure), headers: { 'idempotency-key': 'attempt-1' } })
    const answer = () =>
      call('POST', `/v1/checkout/sessions/${sessionId}/challenges/${step.body.challenge!.id}`, { body: { result: 'pass' }, headers: { 'idempotency-key': 'answer-1' } })
    const [first, again] = [await answer(), await answer()]
    expect([first.status, again.status]).toEqual([200, 200])
    expect(again.body).toEqual(first.body)
    expect((await transactionsOf(visitor.conversationId)).filter((t) => t.result === 'approved')).toHaveLength(1)
    expect((await call<{ status: string }>('GET', `/v1/payment-requests/${request.id}`, { token: visitor.token })).body.status).toBe('paid')
  })
})

/** The Idempotency-Key of every POST the page makes to `path`, in order (retries included). */
function recordKeys(path: RegExp) {
  const keys: (string | null)[] = []
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && path.test(new URL(request.url).pathname)) keys.push(request.headers.get('idempotency-key'))
  })
  return keys
}

const PAYING = /\/(pay|challenges\/[^/]+)$/

describe('the checkout page sends a key made for each attempt', () => {
  test('card pay, split part, extra payment, wallet pay and the bank-step answer each carry their own key', async () => {
    const keys = recordKeys(PAYING)
    // A split part, then the rest by 3-D Secure (its attempt, then its answer), then an extra payment.
    renderCheckout((await openCheckout()).checkoutSessionId)
    await fillCard(GOOD_CARD)
    fireEvent.click(screen.getByLabelText('Split across cards'))
    await type('Amount for this card', '10')
    fireEvent.click(await payButton())
    await screen.findByRole('heading', { name: 'Paid so far $10.00 of $24.50' })
    await fillCard({ ...GOOD_CARD, number: CARDS.threeDSecure })
    fireEvent.click(await payButton())
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm' }))
    fireEvent.click(await screen.findByRole('button', { name: /Add another payment/ }))
    await type('What it is for', 'Tip')
    await type('Amount', '2')
    await fillCard(GOOD_CARD)
    fireEvent.click(await payButton())
    await screen.findByRole('heading', { name: 'Tip' })
    cleanup()

    // The wallet, on another card.
    renderCheckout((await openCheckout()).checkoutSessionId)
    fireEvent.click(await screen.findByRole('button', { name: 'Pay with Wallet' }))
    await type('Email', 'ada@example.com')
    await type('Password', 'correct horse')
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    await screen.findByRole('region', { name: 'Wallet' })
    fireEvent.click(await payButton())
    await screen.findByRole('heading', { name: 'Payment complete' })

    expect(keys).toHaveLength(5)
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{16,}$/)
    expect(new Set(keys).size).toBe(5)
  })

  test('a payment whose answer was lost is tried again with the same key, and charged once', async () => {
    const keys = recordKeys(/\/pay$/)
    server.use(http.post('*/v1/checkout/sessions/:id/pay', () => HttpResponse.error(), { once: true }))
    const opened = await openCheckout()
    const host = renderCheckout(opened.checkoutSessionId)
    await fillCard(GOOD_CARD)
    fireEvent.click(await payButton())
    // The page waits a little before it asks again.
    await waitFor(() => {
      host.advanceTimers(500)
      expect(keys).toHaveLength(2)
    })
    await screen.findByRole('heading', { name: 'Payment complete' })
    expect(keys[1]).toBe(keys[0])
    expect((await behindThePage.paymentRequest(opened)).charges).toHaveLength(1)
  })

  test('pressing Pay again after a decline is a new attempt with a new key', async () => {
    const keys = recordKeys(/\/pay$/)
    renderCheckout((await openCheckout()).checkoutSessionId)
    await fillCard({ ...GOOD_CARD, number: CARDS.declined })
    fireEvent.click(await payButton())
    await screen.findByRole('alert')
    await type('CVC', '123')
    fireEvent.click(await payButton())
    await waitFor(() => expect(keys).toHaveLength(2))
    await waitFor(async () => expect((await payButton()).disabled).toBe(false))
    expect(keys[1]).not.toBe(keys[0])
  })
})
