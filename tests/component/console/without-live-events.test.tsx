import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { http, HttpResponse } from 'msw'
import { beforeEach, expect, test } from 'vitest'
import {
  API,
  choose,
  GOOD_CARD,
  openConversation,
  payNow,
  payOnCheckout,
  renderConsole,
  shareCard,
  threadTexts,
  useConsoleServer,
  webVisitorSession,
} from './console-server'

const { server } = useConsoleServer()

// The stream connects and then stays silent: whatever changes on screen comes from the console's own answers.
beforeEach(() => {
  server.use(
    http.get(
      `${API}/v1/operator/events`,
      () => new HttpResponse(new ReadableStream({ start() {} }), { headers: { 'content-type': 'text/event-stream' } }),
    ),
  )
})

const card = () => screen.getByRole('article', { name: 'House blend, 1 kg' })

/** A hold the visitor placed before the console was opened, and the console open on it. */
async function authorizedBeforeOpening() {
  const { conversationId, token } = await webVisitorSession('Grace Hopper')
  const request = await shareCard(conversationId, { paymentPageId: 'pp_house_blend', transactionType: 'authorize' })
  await payOnCheckout(await payNow(request.id, token), GOOD_CARD)
  renderConsole()
  await openConversation('Grace Hopper')
  await screen.findByText('Live')
  await waitFor(() => expect(within(card()).getByText('Authorized — held $24.50')).toBeTruthy())
}

test('Capture’s answer alone turns the card to Captured and adds the capture to the history', async () => {
  await authorizedBeforeOpening()
  fireEvent.click(screen.getByRole('button', { name: /^Transaction history/ }))
  await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2))

  fireEvent.click(within(card()).getByRole('button', { name: 'Capture' }))
  await waitFor(() => expect(within(card()).getByText('Captured — charged $24.50')).toBeTruthy())
  await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3))
  const newest = within(screen.getByRole('table')).getAllByRole('row')[1] as HTMLTableRowElement
  expect([newest.cells[1]!.textContent, newest.cells[2]!.textContent]).toEqual(['Capture House blend, 1 kg', 'Approved'])
})

test('Transfer’s answer alone shows the new owner and the line the visitor was sent', async () => {
  await authorizedBeforeOpening()
  const to = screen.getByLabelText('Transfer to…') as HTMLSelectElement
  await waitFor(() => expect(to.options.length).toBe(4))
  choose(to, 'op_kenji')
  fireEvent.click(screen.getByRole('button', { name: 'Transfer' }))
  await waitFor(() => expect(document.querySelector('.conversation-header .assignee')?.textContent).toBe('Assigned to Kenji'))
  expect(within(screen.getByRole('button', { name: /Grace Hopper/ })).getByText('Assigned to Kenji')).toBeTruthy()
  await waitFor(() => expect(threadTexts().some((t) => t.includes('Kenji is now looking after this conversation.'))).toBe(true))
})
