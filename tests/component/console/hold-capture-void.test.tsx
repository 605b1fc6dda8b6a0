import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { http } from 'msw'
import { expect, test } from 'vitest'
import type { PaymentRequest } from '../../../src/protocol/types'
import {
  API,
  call,
  choose,
  GOOD_CARD,
  openConversation,
  payNow,
  payOnCheckout,
  renderConsole,
  useConsoleServer,
  webVisitorSession,
} from './console-server'

const { seen, answered, server } = useConsoleServer()

const TITLE = 'House blend, 1 kg'
const card = () => screen.getByRole('article', { name: TITLE })
const button = (name: string) => within(card()).queryByRole('button', { name }) as HTMLButtonElement | null

/** Shared from the console as Authorize, then paid by the visitor (Pay now, the checkout page's form). */
async function authorizedCard() {
  const { token } = await webVisitorSession('Grace Hopper')
  renderConsole()
  await openConversation('Grace Hopper')
  await screen.findByText('Live')
  const form = within(document.querySelector<HTMLElement>('form.share-form')!)
  await waitFor(() => expect((form.getByLabelText('Payment page') as HTMLSelectElement).value).toBe('pp_house_blend'))
  choose(form.getByLabelText('Transaction type'), 'authorize')
  const share = form.getByRole('button', { name: 'Share payment card' }) as HTMLButtonElement
  fireEvent.click(share)
  const request = (await answered('POST', /\/payment-requests$/, 201)).body as PaymentRequest
  await waitFor(() => expect(share.disabled).toBe(false))

  const result = await payOnCheckout(await payNow(request.id, token), GOOD_CARD)
  expect(result.paymentRequest.status).toBe('authorized')
  // Nothing but the live event tells the console.
  await waitFor(() => expect(within(card()).getByText('Authorized — held $24.50')).toBeTruthy())
  return { requestId: request.id, reference: result.charge!.reference }
}

test('a card paid as an authorization says it is held, on which card, and offers Capture and Void', async () => {
  const { reference } = await authorizedCard()
  expect(within(card()).getByText('Authorize — hold, capture later')).toBeTruthy()
  const charges = within(within(card()).getByRole('list', { name: 'Charges' })).getAllByRole('listitem')
  expect(charges).toHaveLength(1)
  expect(charges[0]!.textContent).toContain('Hold$24.50')
  expect(charges[0]!.textContent).toContain(`Visa •••• 4242 · ref. ${reference}`)
  expect(button('Capture')).toBeTruthy()
  expect(button('Void')).toBeTruthy()
  // A held card is no longer revocable: the hold is captured or voided.
  expect(button('Revoke')).toBeNull()
})

test('Capture charges the hold: the card reads Captured and its buttons go', async () => {
  const { requestId } = await authorizedCard()
  fireEvent.click(button('Capture')!)
  await waitFor(() => expect(within(card()).getByText('Captured — charged $24.50')).toBeTruthy())
  expect(seen.filter((r) => r.method === 'POST' && r.path === `/v1/operator/payment-requests/${requestId}/capture`)).toHaveLength(1)
  expect(button('Capture')).toBeNull()
  expect(button('Void')).toBeNull()
  expect(card().className).toContain('card-paid')

  // The capture is an attempt of its own in the history: once, though its answer and its event both tell.
  fireEvent.click(screen.getByRole('button', { name: /^Transaction history/ }))
  const history = within(screen.getByRole('table'))
  await waitFor(() => expect(history.getAllByRole('row').slice(1).map((row) => (row as HTMLTableRowElement).cells[1]!.textContent)).toEqual([
    `Capture ${TITLE}`,
    `Authorization ${TITLE}`,
  ]))
  await answered('GET', /\/transactions$/, 200)
  expect(screen.getByRole('button', { name: /^Transaction history/ }).textContent).toBe('Transaction history (2)')
})

test('Void asks first; kept, nothing is sent; confirmed, the hold is released and the card reads Voided', async () => {
  const { requestId } = await authorizedCard()
  fireEvent.click(button('Void')!)
  const confirm = within(card()).getByRole('group', { name: 'Void the hold?' })
  expect(confirm.textContent).toContain('$24.50 is released and nothing is charged')
  // Focus lands on the safe answer.
  expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Keep hold' }))
  fireEvent.click(within(confirm).getByRole('button', { name: 'Keep hold' }))
  expect(button('Capture')).toBeTruthy()
  expect(seen.some((r) => r.path.endsWith('/void'))).toBe(false)

  fireEvent.click(button('Void')!)
  fireEvent.click(within(card()).getByRole('button', { name: 'Void hold' }))
  await waitFor(() =>
    expect(within(card()).getByText('Voided — the hold of $24.50 was released; nothing was charged')).toBeTruthy(),
  )
  expect(seen.filter((r) => r.method === 'POST' && r.path === `/v1/operator/payment-requests/${requestId}/void`)).toHaveLength(1)
  expect(within(card()).queryAllByRole('button')).toEqual([])
})

test('while a capture runs both buttons wait; refused (voided meanwhile elsewhere), the server’s sentence shows on the card', async () => {
  const { requestId } = await authorizedCard()
  // The capture reaches the real handler only once the test lets it through.
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  server.use(http.post(`${API}/v1/operator/payment-requests/:id/capture`, async () => void (await gate)))

  fireEvent.click(button('Capture')!)
  await waitFor(() => expect(button('Capture')!.disabled).toBe(true))
  expect(button('Void')!.disabled).toBe(true)

  // Another operator voids the hold; the console hears it live, then the capture is refused.
  await call('POST', `/v1/operator/payment-requests/${requestId}/void`)
  await waitFor(() => expect(card().className).toContain('card-voided'))
  release()
  await answered('POST', /\/capture$/, 409)
  const alert = await within(card()).findByRole('alert')
  expect(alert.textContent).toBe('This payment request is voided, so that is no longer possible.')
  expect(within(card()).getByText(/^Voided/)).toBeTruthy()
})
