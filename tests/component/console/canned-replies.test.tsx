import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import type { ApiErrorBody, CannedResponse } from '../../../src/protocol/types'
import { call, choose, openConversation, renderConsole, threadTexts, type, useConsoleServer, webVisitor } from './console-server'

const { seen, answered } = useConsoleServer()

const canned = (name: string, text: string) => call<CannedResponse>('POST', '/v1/operator/canned-responses', { name, text })

describe('canned reply in a conversation', () => {
  test('previews the text filled for this contact and warns about fields it has no value for; inserted, it can be edited and sent', async () => {
    const conversationId = await webVisitor('Ada Lovelace')
    const reply = await canned('Order status', 'Hi {{contact.first_name}}, {{brand.name}} here. Order {{order.number}} ships today.')
    renderConsole()
    await openConversation('Ada Lovelace')

    const chooser = await screen.findByLabelText('Canned reply')
    await screen.findByRole('option', { name: 'Order status' })
    choose(chooser, reply.id)
    const preview = within(await screen.findByRole('region', { name: 'Canned reply preview' }))
    expect(preview.getByText('Hi Ada, Acme Coffee here. Order {{order.number}} ships today.')).toBeTruthy()
    expect(preview.getByText(/No value in this conversation for: \{\{order\.number\}\}/)).toBeTruthy()
    expect(seen.some((r) => r.path === `/v1/operator/canned-responses/${reply.id}/fill?conversationId=${conversationId}`)).toBe(true)

    const box = screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement
    type(box, 'Thanks for waiting.')
    fireEvent.click(preview.getByRole('button', { name: 'Insert into reply' }))
    expect(box.value).toBe('Thanks for waiting.\nHi Ada, Acme Coffee here. Order {{order.number}} ships today.')
    expect(screen.queryByRole('region', { name: 'Canned reply preview' })).toBeNull()

    type(box, box.value.replace('{{order.number}}', 'A-1001'))
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }))
    await waitFor(() =>
      expect(threadTexts().some((t) => t.endsWith('Thanks for waiting.\nHi Ada, Acme Coffee here. Order A-1001 ships today.'))).toBe(true),
    )
    await waitFor(() => expect(box.value).toBe(''))
  })

  test('a reply with nothing missing shows no warning', async () => {
    await webVisitor('Grace Hopper')
    const reply = await canned('Greeting', 'Hello {{contact.name}}!')
    renderConsole()
    await openConversation('Grace Hopper')
    await screen.findByRole('option', { name: 'Greeting' })
    choose(screen.getByLabelText('Canned reply'), reply.id)
    const preview = within(await screen.findByRole('region', { name: 'Canned reply preview' }))
    expect(preview.getByText('Hello Grace Hopper!')).toBeTruthy()
    expect(preview.queryByText(/No value in this conversation/)).toBeNull()
  })
})

describe('canned replies panel', () => {
  async function openPanel() {
    renderConsole()
    fireEvent.click(screen.getByRole('button', { name: 'Canned replies' }))
    return within(await screen.findByRole('region', { name: 'Canned replies' }))
  }

  test('creates, edits and deletes a canned reply', async () => {
    const panel = await openPanel()
    await panel.findByText('No canned replies yet.')
    fireEvent.click(panel.getByRole('button', { name: 'New canned reply' }))
    const form = within(await panel.findByRole('form', { name: 'New canned reply' }))
    type(form.getByLabelText('Name'), 'Shipping')
    type(form.getByLabelText('Text'), 'It ships within {{brand.name}}’s usual two days.')
    fireEvent.click(form.getByRole('button', { name: 'Create canned reply' }))
    const row = within(await panel.findByRole('article', { name: 'Shipping' }))
    expect(row.getByText('It ships within {{brand.name}}’s usual two days.')).toBeTruthy()
    // The admin's new reply is shared by every brand unless a brand is chosen.
    expect(seen.find((r) => r.method === 'POST' && r.path === '/v1/operator/canned-responses')?.body).toEqual({
      name: 'Shipping',
      text: 'It ships within {{brand.name}}’s usual two days.',
      brandId: null,
    })

    fireEvent.click(row.getByRole('button', { name: 'Edit' }))
    const edit = within(await panel.findByRole('form', { name: 'Edit canned reply Shipping' }))
    type(edit.getByLabelText('Text'), 'It ships tomorrow.')
    fireEvent.click(edit.getByRole('button', { name: 'Save changes' }))
    expect(await within(await panel.findByRole('article', { name: 'Shipping' })).findByText('It ships tomorrow.')).toBeTruthy()
    expect(seen.find((r) => r.method === 'PATCH')?.body).toEqual({ name: 'Shipping', text: 'It ships tomorrow.' })

    fireEvent.click(within(panel.getByRole('article', { name: 'Shipping' })).getByRole('button', { name: 'Delete' }))
    await panel.findByText('No canned replies yet.')
    expect((await call<{ cannedResponses: CannedResponse[] }>('GET', '/v1/operator/canned-responses')).cannedResponses).toEqual([])
  })

  test('searches by name', async () => {
    await canned('Shipping times', 'Two days.')
    await canned('Refunds', 'Within 14 days.')
    const panel = await openPanel()
    await panel.findByRole('article', { name: 'Refunds' })
    type(panel.getByLabelText('Search by name'), 'ship')
    await waitFor(() => expect(panel.queryByRole('article', { name: 'Refunds' })).toBeNull())
    expect(panel.getByRole('article', { name: 'Shipping times' })).toBeTruthy()
    expect(seen.some((r) => r.path === '/v1/operator/canned-responses?q=ship')).toBe(true)
    type(panel.getByLabelText('Search by name'), 'nothing like it')
    expect(await panel.findByText('No canned reply has that in its name.')).toBeTruthy()
  })

  test('a taken name is refused with the server’s sentence', async () => {
    await canned('Shipping', 'Two days.')
    const panel = await openPanel()
    await panel.findByRole('article', { name: 'Shipping' })
    fireEvent.click(panel.getByRole('button', { name: 'New canned reply' }))
    const form = within(await panel.findByRole('form', { name: 'New canned reply' }))
    type(form.getByLabelText('Name'), 'shipping')
    type(form.getByLabelText('Text'), 'Three days.')
    fireEvent.click(form.getByRole('button', { name: 'Create canned reply' }))
    const alert = await form.findByRole('alert')
    const refusal = await answered('POST', /^\/v1\/operator\/canned-responses$/, 409)
    expect(alert.textContent).toBe((refusal.body as ApiErrorBody).error.message)
    expect(alert.textContent).toContain('shipping')
  })
})
