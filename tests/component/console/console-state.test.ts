import { expect, test } from 'vitest'
import type { Transaction } from '../../../src/protocol/types'
import { consoleReducer, EMPTY_STATE, type ConsoleState } from '../../../demo/operator/console-state'

const attempt = (id: string, at: string, type: Transaction['type'] = 'sale'): Transaction => ({
  id,
  paymentRequestId: 'pr_1',
  type,
  result: 'approved',
  amount: { amount: 2450, currency: 'USD' },
  cardBrand: 'visa',
  last4: '4242',
  reference: `ch_${id}`,
  code: null,
  needsRefund: false,
  at,
})

const recorded = (state: ConsoleState, transaction: Transaction) =>
  consoleReducer(state, { type: 'event', event: { type: 'transaction.recorded', conversationId: 'conv_1', transaction } })

const loaded = (state: ConsoleState, transactions: Transaction[]) =>
  consoleReducer(state, { type: 'transactions_loaded', conversationId: 'conv_1', transactions })

const ids = (state: ConsoleState) => state.transactions.conv_1?.map((t) => t.id)

test('an attempt that comes both in the history read and as a live event is kept once', () => {
  const hold = attempt('a', '2026-01-01T10:00:00.000Z', 'authorize')
  const capture = attempt('b', '2026-01-01T10:05:00.000Z', 'capture')
  // The event first, then a read that already holds it.
  let state = recorded(EMPTY_STATE, capture)
  state = loaded(state, [hold, capture])
  expect(ids(state)).toEqual(['a', 'b'])
  // The read first, then the event it already held.
  state = recorded(loaded(EMPTY_STATE, [hold, capture]), capture)
  expect(ids(state)).toEqual(['a', 'b'])
})

test('an event heard before the history read is kept and put in time order; the history counts as read only after the read', () => {
  const middle = attempt('b', '2026-01-01T10:05:00.000Z')
  let state = recorded(EMPTY_STATE, middle)
  expect(state.historyLoaded.conv_1).toBeUndefined()
  state = loaded(state, [attempt('a', '2026-01-01T10:00:00.000Z'), attempt('c', '2026-01-01T10:10:00.000Z')])
  expect(ids(state)).toEqual(['a', 'b', 'c'])
  expect(state.historyLoaded.conv_1).toBe(true)
})

test('attempts of the same instant keep the order the server recorded them in', () => {
  const at = '2026-01-01T10:00:00.000Z'
  const state = loaded(EMPTY_STATE, [attempt('z', at), attempt('a', at), attempt('m', at)])
  expect(ids(state)).toEqual(['z', 'a', 'm'])
})
