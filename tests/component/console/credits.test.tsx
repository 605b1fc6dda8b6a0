import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { expect, test } from 'vitest'
import { isolated } from '../../../src/i18n/bidi'
import type { Credits } from '../../../src/protocol/types'
import {
  call,
  choose,
  openConversation,
  renderConsole,
  templateIn,
  threadTexts,
  type,
  useConsoleServer,
  whatsappCustomer,
} from './console-server'

const { seen } = useConsoleServer()

/** The balance as the header shows it. */
const balance = () => screen.getByText(/^WhatsApp credits:/).textContent

async function openCreditsPanel() {
  fireEvent.click(screen.getByRole('button', { name: 'Manage credits' }))
  return within(await screen.findByRole('region', { name: 'WhatsApp credits' }))
}

test('the header shows the credit balance, and a purchase updates it and heads the ledger', async () => {
  renderConsole()
  await waitFor(() => expect(balance()).toBe('WhatsApp credits: 50'))
  const panel = await openCreditsPanel()
  expect(panel.getByText('No credit movements yet.')).toBeTruthy()

  type(panel.getByLabelText('Credits to buy'), '120')
  fireEvent.click(panel.getByRole('button', { name: 'Buy credits' }))
  await waitFor(() => expect(balance()).toBe('WhatsApp credits: 170'))
  expect(seen.find((r) => r.path === '/v1/operator/credits/purchase')?.body).toEqual({ amount: 120 })

  type(panel.getByLabelText('Credits to buy'), '30')
  fireEvent.click(panel.getByRole('button', { name: 'Buy credits' }))
  await waitFor(() => expect(balance()).toBe('WhatsApp credits: 200'))
  // Newest first: the second purchase heads the history.
  const rows = within(panel.getByRole('table')).getAllByRole('row').slice(1)
  expect(rows.map((row) => within(row).getAllByRole('cell').slice(1).map((cell) => cell.textContent))).toEqual([
    ['Purchase: Bought 30 credits', '+30', '200'],
    ['Purchase: Bought 120 credits', '+120', '170'],
  ])
})

test('sending a template on WhatsApp refreshes the balance in the header', async () => {
  const template = await templateIn('APPROVED', {
    name: 'order_ready',
    body: 'Your order {{1}} is ready, with 10% off the next one.',
    examples: ['A-1'],
    category: 'MARKETING',
  })
  await whatsappCustomer('Grace Hopper')
  renderConsole()
  await waitFor(() => expect(balance()).toBe('WhatsApp credits: 50'))
  await openConversation('Grace Hopper')
  fireEvent.click(screen.getByRole('button', { name: 'Use a template' }))
  const picker = within(await screen.findByRole('form', { name: 'Send a template' }))
  await picker.findByRole('option', { name: /order_ready/ })
  choose(picker.getByLabelText('Template'), template.id)
  type(picker.getByLabelText('Value for {{1}}'), 'A-7')
  fireEvent.click(picker.getByRole('button', { name: 'Send template' }))

  await waitFor(() => expect(threadTexts().some((t) => t.includes(`Your order ${isolated('A-7')} is ready`))).toBe(true))
  const credits = await call<Credits>('GET', '/v1/operator/credits')
  expect(credits.balance).toBeLessThan(50)
  await waitFor(() => expect(balance()).toBe(`WhatsApp credits: ${credits.balance}`))
})

test('auto-recharge is saved with its minimum and amount, and shown as the server keeps it', async () => {
  renderConsole()
  const panel = await openCreditsPanel()
  const enabled = (await panel.findByLabelText('Recharge automatically')) as HTMLInputElement
  expect(enabled.checked).toBe(false)
  fireEvent.click(enabled)
  type(panel.getByLabelText('Keep the balance at least'), '20')
  type(panel.getByLabelText('Credits to add each time'), '100')
  fireEvent.click(panel.getByRole('button', { name: 'Save auto-recharge' }))

  await waitFor(() =>
    expect(seen.find((r) => r.method === 'PUT')?.body).toEqual({ enabled: true, minimumBalance: 20, rechargeAmount: 100 }),
  )
  const credits = await call<Credits>('GET', '/v1/operator/credits')
  expect(credits.autoRecharge).toEqual({ enabled: true, minimumBalance: 20, rechargeAmount: 100 })
})
