import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { expect, test } from 'vitest'
import type { SharePaymentRequestBody } from '../../../src/protocol/types'
import {
  call,
  choose,
  openConversation,
  renderConsole,
  templateIn,
  threadTexts,
  type,
  useConsoleServer,
  webVisitor,
  whatsappCustomer,
} from './console-server'

const { seen, clock, answered } = useConsoleServer()

const sharedBody = () =>
  seen.findLast((r) => r.method === 'POST' && /\/payment-requests$/.test(r.path))?.body as SharePaymentRequestBody | undefined

/** The form is busy until the share and the thread's reload that follows it have answered. */
async function settled(button: HTMLButtonElement) {
  await waitFor(() => expect(button.disabled).toBe(true))
  await waitFor(() => expect(button.disabled).toBe(false))
}

async function shareForm() {
  renderConsole()
  await openConversation('Grace Hopper')
  const form = within(document.querySelector<HTMLElement>('form.share-form')!)
  await waitFor(() => expect((form.getByLabelText('Payment page') as HTMLSelectElement).value).toBe('pp_house_blend'))
  return form
}

test('once the WhatsApp window has closed, a card goes out as an approved template with a /pay/ button, its values filled by the server', async () => {
  await templateIn('APPROVED', {
    name: 'order_update',
    body: 'Order {{1}} ships today.',
    examples: ['A-7'],
    buttons: [{ type: 'URL', text: 'Track', url: 'https://acme.example/track/{{1}}' }],
  })
  clock.lagMs = 25 * 3_600_000
  const conversationId = await whatsappCustomer('Grace Hopper')
  clock.lagMs = 0
  const form = await shareForm()

  // Only a template that can carry the pay link is offered.
  const choice = form.getByLabelText('Template') as HTMLSelectElement
  await waitFor(() => expect([...choice.options].map((o) => o.value)).toEqual(['tpl_payment_link']))
  const share = form.getByRole('button', { name: 'Share card as template' }) as HTMLButtonElement
  expect(share.disabled).toBe(true)
  type(form.getByLabelText('Value for {{1}}'), '{{contact.first_name}}')
  type(form.getByLabelText('Value for {{2}}'), '{{payment.title}}')
  type(form.getByLabelText('Value for {{3}}'), '{{payment.amount}}')
  fireEvent.click(share)
  // Once shared (and the thread read again), the values are cleared for the next card.
  await waitFor(() => expect((form.getByLabelText('Value for {{1}}') as HTMLInputElement).value).toBe(''))

  await waitFor(() => expect(threadTexts().some((t) => t.includes('Sending to WhatsAppHouse blend, 1 kg'))).toBe(true))
  // What the customer's phone got: the body filled by the server, and the pay link on the button.
  const { messages } = await call<{ messages: Array<{ conversationId: string; type: string; text: string }> }>('GET', '/v1/mock/whatsapp/outbox')
  const sent = messages.findLast((m) => m.conversationId === conversationId)
  expect(sent?.type).toBe('template')
  expect(sent?.text).toContain('Hi Grace, here is your payment request for House blend, 1 kg ($24.50).')
  expect(sharedBody()).toEqual({
    paymentPageId: 'pp_house_blend',
    transactionType: 'sale',
    checkoutMinutes: 1440,
    whatsapp: { templateId: 'tpl_payment_link', parameters: ['{{contact.first_name}}', '{{payment.title}}', '{{payment.amount}}'] },
  })
})

test('inside the window the card is shared as is, with no template to choose', async () => {
  await whatsappCustomer('Grace Hopper')
  const form = await shareForm()
  expect(form.queryByLabelText('Template')).toBeNull()
  const share = form.getByRole('button', { name: 'Share payment card' }) as HTMLButtonElement
  fireEvent.click(share)
  await settled(share)
  await waitFor(() => expect(threadTexts().some((t) => t.includes('Sending to WhatsAppHouse blend, 1 kg'))).toBe(true))
  expect(sharedBody()).toEqual({ paymentPageId: 'pp_house_blend', transactionType: 'sale', checkoutMinutes: 1440 })
})

test('the form sends the transaction type and checkout page lifetime chosen, Sale and 24 h unless changed', async () => {
  await webVisitor('Grace Hopper')
  const form = await shareForm()
  const kind = form.getByLabelText('Transaction type') as HTMLSelectElement
  const lifetime = form.getByLabelText('Checkout page lifetime') as HTMLSelectElement
  expect([kind.value, lifetime.value]).toEqual(['sale', '1440'])
  expect([...kind.options].map((o) => o.textContent)).toEqual([
    'Sale — charge now',
    'Authorize — hold, capture later',
    'Save card — no charge',
  ])
  expect([...lifetime.options].map((o) => o.textContent)).toEqual(['30 min', '1 h', '4 h', '24 h'])

  choose(kind, 'authorize')
  choose(lifetime, '60')
  const share = form.getByRole('button', { name: 'Share payment card' }) as HTMLButtonElement
  fireEvent.click(share)
  await settled(share)
  expect(sharedBody()).toEqual({ paymentPageId: 'pp_house_blend', transactionType: 'authorize', checkoutMinutes: 60 })
  // The card in the thread says what was asked of the payer.
  const card = await screen.findByRole('article', { name: 'House blend, 1 kg' })
  expect(within(card).getByText('Authorize — hold, capture later')).toBeTruthy()
  expect(within(card).getByText('Waiting for the visitor')).toBeTruthy()
})

test('a hold on a recurring page is refused, and the server’s sentence shows under Transaction type until it is changed', async () => {
  await webVisitor('Grace Hopper')
  const form = await shareForm()
  choose(form.getByLabelText('Payment page'), 'pp_coffee_club')
  const kind = form.getByLabelText('Transaction type') as HTMLSelectElement
  choose(kind, 'authorize')
  fireEvent.click(form.getByRole('button', { name: 'Share payment card' }))

  await answered('POST', /\/payment-requests$/, 422)
  const field = kind.closest('.field') as HTMLElement
  const alert = await within(field).findByRole('alert')
  expect(alert.textContent).toBe(
    'A recurring payment page cannot be authorized for a later capture: share it as a sale, or save the card.',
  )
  expect(kind.getAttribute('aria-invalid')).toBe('true')
  // Nothing was shared, and the form is ready for another try.
  expect(threadTexts().some((t) => t.includes('Coffee club'))).toBe(false)
  // Shown where the operator is looking, not in the page-wide banner.
  expect(document.querySelector('.error-banner')).toBeNull()

  choose(kind, 'save_card')
  expect(within(field).queryByRole('alert')).toBeNull()
  const share = form.getByRole('button', { name: 'Share payment card' }) as HTMLButtonElement
  fireEvent.click(share)
  await screen.findByRole('article', { name: 'Coffee club subscription' })
  await waitFor(() => expect(share.disabled).toBe(false))
  expect(sharedBody()).toMatchObject({ paymentPageId: 'pp_coffee_club', transactionType: 'save_card' })
})
