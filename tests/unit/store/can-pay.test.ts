import { describe, expect, test } from 'vitest'
import type { PaymentRequest, PaymentRequestStatus } from '../../../src/protocol/types'
import { offersCancel, offersPayNow } from '../../../src/store/index'
import { card } from './fixtures'

const paid = (status: PaymentRequestStatus, amount: number) => ({ ...card('pr_1', status, 1), amountPaid: { amount, currency: 'JPY' } })

describe('offersPayNow', () => {
  test.each<[PaymentRequestStatus, boolean]>([
    ['pending', true],
    ['checkout_open', true],
    ['failed', true],
    ['unknown', false],
    ['authorized', false],
    ['paid', false],
    ['declined', false],
    ['revoked', false],
    ['expired', false],
    ['voided', false],
    ['card_saved', false],
  ])('%s: %s', (status, offered) => {
    expect(offersPayNow({ status })).toBe(offered)
  })

  test('a status from a newer server offers nothing', () => {
    expect(offersPayNow({ status: 'refunded' as PaymentRequestStatus })).toBe(false)
  })

  test('a card stopped after too many declined attempts offers nothing: only a new card can be paid', () => {
    const stopped = { ...card('pr_1', 'failed', 1), failure: { code: 'too_many_attempts', message: 'Stopped.' } }
    expect(offersPayNow(stopped)).toBe(false)
    expect(offersCancel(stopped)).toBe(false)
    expect(offersPayNow({ ...stopped, failure: { code: 'card_declined', message: 'Declined.' } })).toBe(true)
  })

  test('a split payment under way still offers Pay Now for the rest', () => {
    expect(offersPayNow(paid('checkout_open', 300))).toBe(true)
    expect(offersPayNow(paid('failed', 300))).toBe(true)
  })
})

describe('offersCancel', () => {
  test('offered with Pay Now while nothing is paid', () => {
    expect(offersCancel(paid('pending', 0))).toBe(true)
    expect(offersCancel(paid('checkout_open', 0))).toBe(true)
    expect(offersCancel(paid('failed', 0))).toBe(true)
  })

  test('not offered once part is paid: the server refuses it (409 partially_paid)', () => {
    expect(offersCancel(paid('checkout_open', 300))).toBe(false)
    expect(offersCancel(paid('failed', 300))).toBe(false)
  })

  test('not offered where Pay Now is not', () => {
    expect(offersCancel(paid('authorized', 0))).toBe(false)
    expect(offersCancel(paid('unknown', 0))).toBe(false)
    expect(offersCancel(paid('voided', 0))).toBe(false)
  })

  test('a server that sends no amountPaid (from before split payments) still offers it', () => {
    const { amountPaid: _, ...old } = paid('pending', 0)
    expect(offersCancel(old as unknown as PaymentRequest)).toBe(true)
  })
})
