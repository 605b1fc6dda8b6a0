import { afterEach, describe, expect, test, vi } from 'vitest'
import type { GatewayEventType } from '../../src/server/gateway/gateway-event'
import { transactionsOf } from '../unit/reference-server/checkout-calls'
import { useReferenceServer } from '../unit/reference-server/harness'
import { cardNow, eventId, eventJson, gatewayWebhooks, moneyState, unknownAttempt } from './gateway-webhooks'

// Finding 5: a signed `charge.succeeded` without `data.charge` was marked processed and recorded as
// approved, then threw (500) with the card still pending; the corrected redelivery was a "duplicate".
const state = useReferenceServer({ gatewayWebhookSecret: 'whsec_security_incomplete' })
const deliver = gatewayWebhooks(state)

afterEach(() => vi.restoreAllMocks())

describe('an event without the fields its type needs is refused whole: 400 validation_failed naming the field', () => {
  test.each<[GatewayEventType, string]>([
    ['charge.succeeded', 'charge'],
    ['charge.authorized', 'charge'],
    ['charge.failed', 'failure'],
    ['charge.unknown', 'failure'],
    ['setup.succeeded', 'savedCard'],
    ['renewal.succeeded', 'subscription'],
    ['renewal.failed', 'subscription'],
  ])('%s without data.%s records nothing and moves nothing', async (type, field) => {
    const { settled } = await unknownAttempt()
    const { [field as 'charge']: _left, ...incomplete } = { ...settled, failure: { code: 'card_declined', message: 'No.' } }
    const before = moneyState(state)
    const answer = await deliver(eventJson(type, incomplete))
    expect([answer.status, answer.error?.code, answer.error?.field], answer.text).toEqual([400, 'validation_failed', `data.${field}`])
    expect(moneyState(state)).toBe(before)
  })

  test('renewal.failed without data.failure is refused the same way', async () => {
    const { settled } = await unknownAttempt()
    const subscription = { id: 'sub_x', status: 'past_due', interval: 'month', intervalCount: 1, nextChargeAt: new Date().toISOString(), lastFailure: null }
    const before = moneyState(state)
    const answer = await deliver(eventJson('renewal.failed', { ...settled, subscription }))
    expect([answer.status, answer.error?.field]).toEqual([400, 'data.failure'])
    expect(moneyState(state)).toBe(before)
  })
})

describe('a refused event is not marked processed: its corrected redelivery, under the same id, is applied', () => {
  test('charge.succeeded without data.charge, then with it: the card is paid once, with one approved transaction', async () => {
    const { visitor, request, settled } = await unknownAttempt()
    const id = eventId()
    const { charge: _missing, ...withoutCharge } = settled
    const refused = await deliver(eventJson('charge.succeeded', withoutCharge, id))
    expect([refused.status, refused.error?.field]).toEqual([400, 'data.charge'])
    expect((await cardNow(visitor.token, request)).status).toBe('unknown')

    const corrected = await deliver(eventJson('charge.succeeded', settled, id))
    expect([corrected.status, corrected.body]).toEqual([200, { received: true, duplicate: false }])
    const paid = await cardNow(visitor.token, request)
    expect([paid.status, paid.amountPaid]).toEqual(['paid', request.price])
    const approved = (await transactionsOf(visitor.conversationId)).filter((t) => t.result === 'approved')
    expect(approved).toHaveLength(1)
  })

  test('charge.failed without data.failure, then with it: the card is failed with that failure', async () => {
    const { visitor, request, settled } = await unknownAttempt()
    const id = eventId()
    const { charge: _charge, ...attempt } = settled
    expect((await deliver(eventJson('charge.failed', attempt, id))).error?.field).toBe('data.failure')
    const failure = { code: 'insufficient_funds', message: 'Your card has insufficient funds.', reference: settled.reference }
    expect((await deliver(eventJson('charge.failed', { ...attempt, failure }, id))).body.duplicate).toBe(false)
    expect(await cardNow(visitor.token, request)).toMatchObject({ status: 'failed', failure })
  })
})

describe('an exception while applying an event leaves nothing behind', () => {
  // Each throws at another point of the apply step: as the transaction is told to the console, and as
  // the card moves (after the transaction was recorded).
  test.each(['emitToOperators', 'emit'] as const)('a failure in %s: 500, nothing recorded, and the redelivery is applied', async (step) => {
    const { visitor, request, settled } = await unknownAttempt()
    const raw = eventJson('charge.succeeded', settled)
    const before = moneyState(state)
    const throwing = vi.spyOn(state.events, step).mockImplementationOnce(() => {
      throw new Error('the disk is full')
    })
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const failed = await deliver(raw)
    expect(throwing).toHaveBeenCalled()
    expect([failed.status, failed.error?.code]).toEqual([500, 'internal_error'])
    expect(moneyState(state)).toBe(before)
    expect((await cardNow(visitor.token, request)).status).toBe('unknown')

    const redelivered = await deliver(raw)
    expect([redelivered.status, redelivered.body.duplicate]).toEqual([200, false])
    expect((await cardNow(visitor.token, request)).status).toBe('paid')
    expect((await transactionsOf(visitor.conversationId)).filter((t) => t.result === 'approved')).toHaveLength(1)
  })
})
