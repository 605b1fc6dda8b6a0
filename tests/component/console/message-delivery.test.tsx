import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { expect, test } from 'vitest'
import type { Message } from '../../../src/protocol/types'
import { call, openConversation, renderConsole, type, useConsoleServer, webVisitor, whatsappCustomer } from './console-server'

const { answered } = useConsoleServer()

interface Outbound {
  id: string
  messageId: string | null
}

/** The thread's line for the message with this text. */
const line = (text: string) => screen.getByText(text).closest('li') as HTMLElement

test('a reply on WhatsApp shows how far it got, and moves on as WhatsApp reports delivery', async () => {
  await whatsappCustomer('Grace Hopper')
  renderConsole()
  await openConversation('Grace Hopper')
  await screen.findByText('Live')

  type(screen.getByRole('textbox', { name: 'Reply' }), 'On its way!')
  fireEvent.click(screen.getByRole('button', { name: 'Send reply' }))
  await screen.findByText('On its way!')
  expect(within(line('On its way!')).getByText(/Sending to WhatsApp/)).toBeTruthy()

  const sent = (await answered('POST', /\/conversations\/.+\/messages$/, 201)).body as Message
  const { messages } = await call<{ messages: Outbound[] }>('GET', '/v1/mock/whatsapp/outbox')
  const outbound = messages.find((m) => m.messageId === sent.id)!
  await call('POST', `/v1/mock/whatsapp/outbox/${outbound.id}/status`, { status: 'delivered' })
  await waitFor(() => expect(within(line('On its way!')).getByText(/Delivered on WhatsApp/)).toBeTruthy())
  expect(within(line('On its way!')).queryByText(/Sending to WhatsApp/)).toBeNull()

  await call('POST', `/v1/mock/whatsapp/outbox/${outbound.id}/status`, { status: 'read' })
  await waitFor(() => expect(within(line('On its way!')).getByText(/Read on WhatsApp/)).toBeTruthy())
})

test('a web-only reply carries no WhatsApp badge', async () => {
  const conversationId = await webVisitor('Ada Lovelace')
  await call('POST', `/v1/operator/conversations/${conversationId}/messages`, { text: 'Hi there' })
  renderConsole()
  await openConversation('Ada Lovelace')
  await screen.findByText('Hi there')
  expect(within(line('Hi there')).queryByText(/WhatsApp/)).toBeNull()
})
