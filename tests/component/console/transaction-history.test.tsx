import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, expect, test, vi } from 'vitest'
import type { Transaction } from '../../../src/protocol/types'
import { chargeSucceeded, eventJson, gatewayWebhooks } from '../../security/gateway-webhooks'
import {
  call,
  DECLINED_CARD,
  GOOD_CARD,
  openConversation,
  payNow,
  payOnCheckout,
  renderConsole,
  shareCard,
  useConsoleServer,
  webVisitorSession,
} from './console-server'

const { answers, answered, state } = useConsoleServer()
afterEach(() => vi.restoreAllMocks())

const toggle = () => screen.getByRole('button', { name: /^Transaction history/ })

/** The history's rows as the operator reads them, newest first: each cell's text. */
function historyRows(): string[][] {
  const table = within(screen.getByRole('region', { name: /^Transaction history/ })).getByRole('table')
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent ?? ''))
}

const transactionsOf = (conversationId: string) =>
  call<{ transactions: Transaction[] }>('GET', `/v1/operator/conversations/${conversationId}/transactions`).then(
    (r) => r.transactions,
  )

test('attempts appear live as the visitor pays: the decline with its code, then the approval, each with card and reference', async () => {
  const { conversationId, token } = await webVisitorSession('Grace Hopper')
  const request = await shareCard(conversationId, { paymentPageId: 'pp_house_blend' })
  renderConsole()
  await openConversation('Grace Hopper')
  await screen.findByText('Live')
  expect(toggle().getAttribute('aria-expanded')).toBe('false')
  fireEvent.click(toggle())
  expect(toggle().getAttribute('aria-expanded')).toBe('true')
  await screen.findByText('No payment attempts yet.')

  const session = await payNow(request.id, token)
  await payOnCheckout(session, DECLINED_CARD)
  await payOnCheckout(session, GOOD_CARD)

  await waitFor(() => expect(historyRows()).toHaveLength(2))
  // They came on the stream: every read of the history the console made found it empty.
  const reads = answers.filter((a) => a.method === 'GET' && a.path.endsWith('/transactions'))
  expect(reads.length).toBeGreaterThan(0)
  expect(reads.map((a) => (a.body as { transactions: Transaction[] }).transactions)).toEqual(reads.map(() => []))

  const [declined, approved] = (await transactionsOf(conversationId)) as [Transaction, Transaction]
  const rows = historyRows()
  // Time, Type (and which card it was for), Result, Amount, Card, Reference.
  expect(rows.map((cells) => cells.slice(1))).toEqual([
    ['Sale House blend, 1 kg', 'Approved', '$24.50', 'Visa •••• 4242', approved.reference],
    ['Sale House blend, 1 kg', 'Declined (card_declined)', '$24.50', 'Visa •••• 0002', declined.reference],
  ])
  expect(rows.every((cells) => cells[0] !== '')).toBe(true)
  expect(toggle().textContent).toBe('Transaction history (2)')
  expect(within(screen.getByRole('article', { name: 'House blend, 1 kg' })).getByText('Paid $24.50')).toBeTruthy()
})

test('attempts made before the console opened are read with the conversation, each once', async () => {
  const { conversationId, token } = await webVisitorSession('Grace Hopper')
  const request = await shareCard(conversationId, { paymentPageId: 'pp_house_blend' })
  const session = await payNow(request.id, token)
  await payOnCheckout(session, DECLINED_CARD)
  await payOnCheckout(session, DECLINED_CARD)
  renderConsole()
  await openConversation('Grace Hopper')
  await answered('GET', /\/transactions$/, 200)
  await waitFor(() => expect(toggle().textContent).toBe('Transaction history (2)'))
  // Nothing is shown until asked for: the thread keeps its room.
  expect(screen.queryByRole('table')).toBeNull()
  fireEvent.click(toggle())

  const references = (await transactionsOf(conversationId)).map((t) => t.reference).reverse()
  expect(historyRows().map((cells) => cells[5])).toEqual(references)
  expect(historyRows().map((cells) => cells[2])).toEqual(['Declined (card_declined)', 'Declined (card_declined)'])
})

test('card testing shows: five declines, the stop, and the attempt refused after it; the card says it was stopped', async () => {
  const { conversationId, token } = await webVisitorSession('Grace Hopper')
  const request = await shareCard(conversationId, { paymentPageId: 'pp_house_blend' })
  renderConsole()
  await openConversation('Grace Hopper')
  await screen.findByText('Live')
  fireEvent.click(toggle())

  const session = await payNow(request.id, token)
  for (let i = 0; i < 5; i++) await payOnCheckout(session, DECLINED_CARD)
  await expect(payOnCheckout(session, GOOD_CARD)).rejects.toThrow(/429/)

  await waitFor(() => expect(historyRows()).toHaveLength(7))
  const rows = historyRows().map((cells) => cells.slice(1))
  expect(rows.slice(0, 2)).toEqual([
    ['Sale House blend, 1 kg', 'Blocked (too_many_attempts)', '$0.00', '—', session],
    ['Sale House blend, 1 kg', 'Stopped (too_many_attempts)', '$0.00', '—', session],
  ])
  expect(rows.slice(2).map((cells) => cells[1])).toEqual(Array(5).fill('Declined (card_declined)'))
  const card = screen.getByRole('article', { name: 'House blend, 1 kg' })
  expect(within(card).getByText('Stopped after too many declined attempts: share a new card to take payment.')).toBeTruthy()
})

test('a charge that arrives for a card that can no longer be paid is listed as a refund due; the card stays withdrawn', async () => {
  const { conversationId, token } = await webVisitorSession('Grace Hopper')
  const request = await shareCard(conversationId, { paymentPageId: 'pp_house_blend' })
  const session = await payNow(request.id, token)
  // The charge is made but its webhook is lost (applying it fails), and the operator withdraws the card.
  vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.spyOn(state.events, 'emit').mockImplementationOnce(() => {
    throw new Error('the merchant endpoint is down')
  })
  await expect(payOnCheckout(session, GOOD_CARD)).rejects.toThrow(/500/)
  await call('POST', `/v1/operator/payment-requests/${request.id}/revoke`)
  renderConsole()
  await openConversation('Grace Hopper')
  await screen.findByText('Live')
  fireEvent.click(toggle())
  await screen.findByText('No payment attempts yet.')

  // The gateway redelivers the charge.
  const attempt = [...state.gateway.attempts.values()].find((a) => a.paymentRequestId === request.id)!
  expect((await gatewayWebhooks(state)(eventJson('charge.succeeded', chargeSucceeded(attempt)))).status).toBe(200)

  await waitFor(() => expect(historyRows()).toHaveLength(1))
  expect(historyRows()[0]!.slice(1)).toEqual(['Sale House blend, 1 kg', 'Approved Refund due', '$24.50', 'Visa •••• 4242', attempt.reference])
  expect(within(screen.getByRole('article', { name: 'House blend, 1 kg' })).getByText('Revoked')).toBeTruthy()
})
