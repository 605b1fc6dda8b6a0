import { describe, expect, test } from 'vitest'
import type { CheckoutPayBody, CheckoutPayResult } from '../../../src/protocol/types'
import {
  advanceClock,
  asOperator,
  BASE,
  call,
  card,
  cardOf,
  checkout,
  dumpState,
  HOUR,
  MINUTE,
  OPERATOR_TOKEN,
  openCheckout,
  share,
  startVisitor,
  useReferenceServer,
} from './harness'

const state = useReferenceServer()

/** The hosted page's pay, with an Idempotency-Key. */
const payWithKey = (checkoutSessionId: string, key: string, body: CheckoutPayBody) =>
  call<CheckoutPayResult>('POST', `/v1/checkout/sessions/${checkoutSessionId}/pay`, { body, headers: { 'idempotency-key': key } })

const VISA = '4242 4242 4242 4242'
const DECLINED = '4000 0000 0000 0002'

describe('Pay now (POST /v1/payment-requests/{id}/checkout)', () => {
  test('the same key for another card is 422 idempotency_mismatch, and that card stays pending', async () => {
    const visitor = await startVisitor()
    const first = await share(visitor.conversationId)
    const second = await share(visitor.conversationId)
    expect((await checkout(visitor.token, first.id, 'key-1')).status).toBe(200)
    const reused = await checkout(visitor.token, second.id, 'key-1')
    expect(reused.status).toBe(422)
    expect(reused.error).toMatchObject({ code: 'idempotency_mismatch', message: expect.stringContaining('different request') })
    expect((await cardOf(visitor.token, second.id)).body.status).toBe('pending')
  })

  test('a key is held for 24 h: the same answer until then, even once its session has expired', async () => {
    const visitor = await startVisitor()
    // A 30-minute session, so it ends well inside the key's 24 h.
    const shared = await share(visitor.conversationId, undefined, { checkoutMinutes: 30 })
    const first = await checkout(visitor.token, shared.id, 'key-1')
    await advanceClock(31 * MINUTE)
    const replay = await checkout(visitor.token, shared.id, 'key-1')
    expect(replay.body).toEqual(first.body)
    // A new key is a new Pay now: the expired session is replaced.
    expect((await checkout(visitor.token, shared.id, 'key-2')).body.checkoutSessionId).not.toBe(first.body.checkoutSessionId)
  })

  test('after 24 h the key is free again: refused for another card at 23:59, accepted at 24:00', async () => {
    const visitor = await startVisitor()
    const first = await share(visitor.conversationId)
    expect((await checkout(visitor.token, first.id, 'key-1')).status).toBe(200)
    await advanceClock(24 * HOUR - MINUTE)
    const later = await share(visitor.conversationId)
    expect((await checkout(visitor.token, later.id, 'key-1')).status).toBe(422)
    await advanceClock(MINUTE)
    const reused = await checkout(visitor.token, later.id, 'key-1')
    expect(reused.status, reused.text).toBe(200)
    expect((await cardOf(visitor.token, later.id)).body.status).toBe('checkout_open')
  })

  test("keys are the visitor's own: another visitor using the same key is not refused and learns nothing", async () => {
    const mine = await startVisitor()
    const other = await startVisitor()
    const myCard = await share(mine.conversationId)
    const theirCard = await share(other.conversationId)
    const a = await checkout(mine.token, myCard.id, 'shared-key')
    const b = await checkout(other.token, theirCard.id, 'shared-key')
    expect([a.status, b.status]).toEqual([200, 200])
    expect(b.body.checkoutSessionId).not.toBe(a.body.checkoutSessionId)
  })

  test('a refusal is not remembered: the same key works once the card can be paid', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    await payWithKey(link.checkoutSessionId, 'p-1', card('4000 0000 0000 0119'))
    expect((await checkout(visitor.token, shared.id, 'key-1')).error?.code).toBe('payment_status_unknown')
    await asOperator('POST', `/v1/mock/payment-requests/${shared.id}/settle`, { outcome: 'failed' })
    expect((await checkout(visitor.token, shared.id, 'key-1')).status).toBe(200)
  })

  // This endpoint reads no body and never waits, so the first call with a key has answered before a
  // duplicate is looked at: two at once are a replay, not 409 idempotency_in_progress (see pay below).
  test('a double click sending one key twice at once gets the same answer twice', async () => {
    const visitor = await startVisitor()
    const shared = await share(visitor.conversationId)
    const answers = await Promise.all([checkout(visitor.token, shared.id, 'key-1'), checkout(visitor.token, shared.id, 'key-1')])
    expect(answers.map((a) => a.status)).toEqual([200, 200])
    expect(answers[1]!.body).toEqual(answers[0]!.body)
  })
})

describe('paying on the hosted page (POST /v1/checkout/sessions/{id}/pay with Idempotency-Key)', () => {
  test('a retry after a lost answer gets the first result back and is not charged again', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    const first = await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA))
    expect(first.body.outcome).toBe('paid')
    const retry = await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA))
    expect(retry.status).toBe(200)
    expect(retry.body).toEqual(first.body)
    expect((await cardOf(visitor.token, shared.id)).body.receipt).toEqual(first.body.paymentRequest.receipt)
    // Another key is another attempt: refused, never charged again, but it does not say how the first ended.
    const rekeyed = await payWithKey(link.checkoutSessionId, 'pay-2', card(VISA))
    expect([rekeyed.status, rekeyed.error?.code]).toEqual([409, 'invalid_state'])
    // And without a key nothing is tried at all.
    const unkeyed = await call('POST', `/v1/checkout/sessions/${link.checkoutSessionId}/pay`, { body: card(VISA) })
    expect([unkeyed.status, unkeyed.error?.code]).toEqual([400, 'idempotency_key_required'])
  })

  test('the same key with other card details is 422 idempotency_mismatch and charges nothing', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    expect((await payWithKey(link.checkoutSessionId, 'pay-1', card(DECLINED))).body.outcome).toBe('failed')
    const other = await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA))
    expect(other.status).toBe(422)
    expect(other.error?.code).toBe('idempotency_mismatch')
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('failed')
    // The next attempt comes with its own key.
    expect((await payWithKey(link.checkoutSessionId, 'pay-2', card(VISA))).body.outcome).toBe('paid')
  })

  test('an unknown outcome replays as unknown: the retry does not resubmit', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    const first = await payWithKey(link.checkoutSessionId, 'pay-1', card('4000 0000 0000 0119'))
    const retry = await payWithKey(link.checkoutSessionId, 'pay-1', card('4000 0000 0000 0119'))
    expect([first.body.outcome, retry.status]).toEqual(['unknown', 200])
    expect(retry.body).toEqual(first.body)
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('unknown')
  })

  test('a split part replays under its key; the same key for another amount is 422 and charges nothing', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    const part = await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA, { amount: 1000 }))
    expect(part.body.paymentRequest.amountPaid.amount).toBe(1000)
    expect((await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA, { amount: 1000 }))).body).toEqual(part.body)
    const other = await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA, { amount: 1200 }))
    expect([other.status, other.error?.code]).toEqual([422, 'idempotency_mismatch'])
    expect((await cardOf(visitor.token, shared.id)).body).toMatchObject({ amountPaid: { amount: 1000 }, charges: [part.body.charge] })
  })

  test.each<[string, CheckoutPayBody, CheckoutPayBody]>([
    ['whole balance, then a part', card(VISA), card(VISA, { amount: 1000 })],
    ['another approved surcharge', card('3782 822463 10005', { cvc: '1234', approvedSurcharge: 74 }), card('3782 822463 10005', { cvc: '1234', approvedSurcharge: 75 })],
    ['another extra payment', card(VISA, { extra: { label: 'Deposit', amount: 500 } }), card(VISA, { extra: { label: 'Deposit', amount: 600 } })],
    ['a wallet token instead of the card', card(VISA), { walletToken: 'wal_other' }],
  ])('the same key with %s is 422 idempotency_mismatch', async (_case, first, second) => {
    const visitor = await startVisitor()
    const { link } = await openCheckout(visitor)
    if (first.extra) expect((await payWithKey(link.checkoutSessionId, 'price', card(VISA))).body.outcome).toBe('paid')
    expect((await payWithKey(link.checkoutSessionId, 'pay-1', first)).status).toBe(200)
    expect((await payWithKey(link.checkoutSessionId, 'pay-1', second)).error?.code).toBe('idempotency_mismatch')
  })

  test('a body refused as invalid is not remembered: the corrected card pays under the same key', async () => {
    const visitor = await startVisitor()
    const { link } = await openCheckout(visitor)
    const typo = await payWithKey(link.checkoutSessionId, 'pay-1', card('4242 4242 4242 4241'))
    expect([typo.status, typo.error?.field]).toEqual([400, 'number'])
    expect((await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA))).body.outcome).toBe('paid')
  })

  test('a key belongs to its checkout page: another page may use the same key', async () => {
    const visitor = await startVisitor()
    const one = await openCheckout(visitor)
    const two = await openCheckout(visitor)
    expect((await payWithKey(one.link.checkoutSessionId, 'pay-1', card(VISA))).body.outcome).toBe('paid')
    expect((await payWithKey(two.link.checkoutSessionId, 'pay-1', card(VISA))).body.paymentRequest.id).toBe(two.card.id)
  })

  test('a key of 256 characters is 400', async () => {
    const visitor = await startVisitor()
    const { link } = await openCheckout(visitor)
    expect((await payWithKey(link.checkoutSessionId, 'k'.repeat(256), card(VISA))).status).toBe(400)
  })

  test('a duplicate sent while the first is still arriving is 409 idempotency_in_progress; the card is charged once', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    const held = heldBody(JSON.stringify(card(VISA)))
    const url = `${BASE}/v1/checkout/sessions/${link.checkoutSessionId}/pay`
    const slow = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'pay-1' },
      body: held.body,
      duplex: 'half',
    } as RequestInit)
    // The server has started on the first (its handler is reading the body) before the duplicate goes.
    await held.beingRead

    const duplicate = await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA))
    expect(duplicate.status).toBe(409)
    expect(duplicate.error).toMatchObject({ code: 'idempotency_in_progress', message: expect.stringContaining('same key') })
    expect((await cardOf(visitor.token, shared.id)).body.status).toBe('checkout_open')

    held.release()
    const first = (await (await slow).json()) as CheckoutPayResult
    expect(first.outcome).toBe('paid')
    const retry = await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA))
    expect(retry.body).toEqual(first)
  })

  test('the card number behind a remembered key is not kept', async () => {
    const visitor = await startVisitor()
    const { link } = await openCheckout(visitor)
    await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA))
    await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA))
    expect(dumpState(state)).not.toContain('4242424242424242')
  })
})

describe('a card that cannot be paid stays so, whatever the key', () => {
  test('a paid card is never paid again: 409 with a new key, and Pay now is 409', async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    const paid = await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA))
    const again = await payWithKey(link.checkoutSessionId, 'pay-2', card('5555 5555 5555 4444'))
    expect([again.status, again.error?.code]).toEqual([409, 'invalid_state'])
    expect((await checkout(visitor.token, shared.id, 'key-new')).status).toBe(409)
    expect((await cardOf(visitor.token, shared.id)).body.receipt).toEqual(paid.body.paymentRequest.receipt)
  })

  test("a revoked card's already open checkout page refuses to take a payment, with a key too", async () => {
    const visitor = await startVisitor()
    const { card: shared, link } = await openCheckout(visitor)
    await asOperator('POST', `/v1/operator/payment-requests/${shared.id}/revoke`)
    const answer = await payWithKey(link.checkoutSessionId, 'pay-1', card(VISA))
    expect([answer.status, answer.error?.code]).toEqual([409, 'invalid_state'])
    expect((await cardOf(visitor.token, shared.id)).body).toMatchObject({ status: 'revoked', receipt: null })
  })
})

/**
 * A request body whose first half is sent at once and the rest only on `release()`. `beingRead`
 * settles when something has read the first half and asks for more: the handler, which claims the
 * Idempotency-Key before it reads.
 */
function heldBody(text: string) {
  const bytes = new TextEncoder().encode(text)
  const half = Math.floor(bytes.length / 2)
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let signal!: () => void
  const beingRead = new Promise<void>((resolve) => (signal = resolve))
  let pulls = 0
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // The stream asks for its first chunk by itself; a second ask means the first was taken.
      if (++pulls === 1) return controller.enqueue(bytes.slice(0, half))
      signal()
      await released
      controller.enqueue(bytes.slice(half))
      controller.close()
    },
  })
  return { body, beingRead, release }
}
