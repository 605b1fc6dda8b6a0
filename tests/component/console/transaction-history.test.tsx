import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { expect, test } from 'vitest'
import type { Transaction } from '../../../src/protocol/types'
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

const { answers, answered } = useConsoleServer()

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
