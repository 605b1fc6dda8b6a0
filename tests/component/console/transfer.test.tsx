import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { expect, test } from 'vitest'
import {
  call,
  choose,
  DECLINED_CARD,
  openConversation,
  payNow,
  payOnCheckout,
  renderConsole,
  shareCard,
  threadTexts,
  useConsoleServer,
  webVisitorSession,
} from './console-server'

const { seen, answered, state } = useConsoleServer()

/** The conversation list's row for this visitor. */
const row = (visitor: string) => screen.getByRole('button', { name: new RegExp(visitor) })
const paneHeader = () => document.querySelector<HTMLElement>('.conversation-header')!
const historyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1)

/** A visitor whose card was declined once: a conversation with something in its history. */
async function visitorWithHistory(name: string) {
  const { conversationId, token } = await webVisitorSession(name)
  const request = await shareCard(conversationId, { paymentPageId: 'pp_house_blend' })
  await payOnCheckout(await payNow(request.id, token), DECLINED_CARD)
  return conversationId
}

test('Transfer to… hands the conversation over: owner updated in the pane and the list, the visitor told, the history kept in view', async () => {
  const conversationId = await visitorWithHistory('Grace Hopper')
  renderConsole()
  await openConversation('Grace Hopper')
  await screen.findByText('Live')
  expect(within(row('Grace Hopper')).getByText('Unassigned')).toBeTruthy()
  expect(within(paneHeader()).getByText('Unassigned')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: /^Transaction history/ }))
  await waitFor(() => expect(historyRows()).toHaveLength(1))
  const before = historyRows().map((r) => r.textContent)

  const to = screen.getByLabelText('Transfer to…') as HTMLSelectElement
  // Acme Coffee's conversation goes only to an operator of Acme Coffee: Lucía (Sakura Tea) is not offered.
  await waitFor(() => expect([...to.options].map((o) => o.textContent)).toEqual(['Choose an operator', 'Admin', 'Ana', 'Kenji']))
  const transfer = screen.getByRole('button', { name: 'Transfer' }) as HTMLButtonElement
  expect(transfer.disabled).toBe(true)
  choose(to, 'op_kenji')
  fireEvent.click(transfer)

  await answered('POST', /\/transfer$/, 200)
  expect(seen.find((r) => r.path === `/v1/operator/conversations/${conversationId}/transfer`)?.body).toEqual({ operatorId: 'op_kenji' })
  await waitFor(() => expect(paneHeader().querySelector('.assignee')?.textContent).toBe('Assigned to Kenji'))
  expect(within(row('Grace Hopper')).getByText('Assigned to Kenji')).toBeTruthy()
  await waitFor(() => expect(threadTexts().filter((t) => t.includes('Kenji is now looking after this conversation.'))).toHaveLength(1))
  // Kenji owns it now: the choice offers the others, and starts empty again.
  expect([...to.options].map((o) => o.textContent)).toEqual(['Choose an operator', 'Admin', 'Ana'])
  expect(to.value).toBe('')
  // The history went with the conversation and stays open.
  expect(screen.getByRole('button', { name: /^Transaction history/ }).getAttribute('aria-expanded')).toBe('true')
  expect(historyRows().map((r) => r.textContent)).toEqual(before)
})

test('a transfer made by another operator shows up live, with its line in the thread', async () => {
  const conversationId = await visitorWithHistory('Grace Hopper')
  renderConsole()
  await openConversation('Grace Hopper')
  await screen.findByText('Live')
  await call('POST', `/v1/operator/conversations/${conversationId}/transfer`, { operatorId: 'op_ana' })

  await waitFor(() => expect(within(row('Grace Hopper')).getByText('Assigned to Ana')).toBeTruthy())
  expect(paneHeader().querySelector('.assignee')?.textContent).toBe('Assigned to Ana')
  await waitFor(() => expect(threadTexts().some((t) => t.includes('Ana is now looking after this conversation.'))).toBe(true))
})

test('a refused transfer says why in the form and leaves the owner as it was', async () => {
  await visitorWithHistory('Grace Hopper')
  renderConsole()
  await openConversation('Grace Hopper')
  const to = screen.getByLabelText('Transfer to…') as HTMLSelectElement
  await waitFor(() => expect(to.options.length).toBe(4))
  choose(to, 'op_ana')
  // Ana leaves the team between the list being read and the click.
  state.operators.delete('op_ana')
  fireEvent.click(screen.getByRole('button', { name: 'Transfer' }))
  const alert = await within(document.querySelector<HTMLElement>('form.transfer-form')!).findByRole('alert')
  expect(alert.textContent).toBe('No operator of this conversation’s brand with that id.')
  await answered('POST', /\/transfer$/, 422)
  expect(paneHeader().querySelector('.assignee')?.textContent).toBe('Unassigned')
  expect(within(row('Grace Hopper')).getByText('Unassigned')).toBeTruthy()
})
