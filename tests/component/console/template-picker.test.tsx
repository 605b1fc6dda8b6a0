import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { isolated } from '../../../src/i18n/bidi'
import type { ApiErrorBody, Message, SendTemplateBody } from '../../../src/protocol/types'
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

const { seen, answered, clock } = useConsoleServer()

const ORDER_UPDATE = {
  name: 'order_update',
  header: 'Your order',
  body: 'Hi {{1}}, order {{2}} ships today.',
  examples: ['Ada', 'A-1001'],
  footer: 'Acme Coffee',
  buttons: [
    { type: 'URL' as const, text: 'Track order', url: 'https://acme.example/track/{{1}}' },
    { type: 'QUICK_REPLY' as const, text: 'Thanks' },
  ],
}

/** Opens the conversation and its template picker. */
async function openPicker(visitor: string) {
  renderConsole()
  await openConversation(visitor)
  fireEvent.click(screen.getByRole('button', { name: 'Use a template' }))
  return within(await screen.findByRole('form', { name: 'Send a template' }))
}

async function chooseTemplate(picker: ReturnType<typeof within>, id: string) {
  await picker.findByRole('option', { name: /order_update|follow_up_named|promo/ })
  choose(picker.getByLabelText('Template'), id)
}

const preview = (picker: ReturnType<typeof within>) => picker.getByRole('region', { name: 'Template preview' })
const sentBody = () => seen.find((r) => r.method === 'POST' && /\/templates$/.test(r.path) && r.path.includes('/conversations/'))?.body as SendTemplateBody | undefined

describe('template picker', () => {
  test('offers only the approved templates of the conversation’s brand', async () => {
    await webVisitor('Ada Lovelace')
    await templateIn('APPROVED', { ...ORDER_UPDATE })
    await templateIn('DRAFT', { name: 'not_yet', body: 'Hello' })
    await templateIn('REJECTED', { name: 'refused', body: 'Hello' })
    await templateIn('APPROVED', { name: 'sakura_only', body: 'Hello', brandId: 'brand_sakura' })
    const picker = await openPicker('Ada Lovelace')

    await picker.findByRole('option', { name: /order_update/ })
    const names = picker.getAllByRole('option').map((o) => o.textContent)
    expect(names).toContain('order_update (en_US, UTILITY)')
    expect(names.some((n) => /not_yet|refused|sakura_only/.test(n ?? ''))).toBe(false)
  })

  test('the preview follows each typed value, merge fields shown as typed; Send posts the values and the thread shows the filled message', async () => {
    const conversationId = await webVisitor('Ada Lovelace')
    const template = await templateIn('APPROVED', { ...ORDER_UPDATE })
    const picker = await openPicker('Ada Lovelace')
    await chooseTemplate(picker, template.id)

    const body = () => within(preview(picker)).getByText(/ships today/).textContent
    expect(body()).toBe('Hi {{1}}, order {{2}} ships today.')
    expect(within(preview(picker)).getByText('Your order')).toBeTruthy()
    expect(within(preview(picker)).getByText('Acme Coffee')).toBeTruthy()

    type(picker.getByLabelText('Value for {{1}}'), '{{contact.first_name}}')
    expect(body()).toBe(`Hi ${isolated('{{contact.first_name}}')}, order {{2}} ships today.`)
    type(picker.getByLabelText('Value for {{2}}'), 'A-7')
    expect(body()).toBe(`Hi ${isolated('{{contact.first_name}}')}, order ${isolated('A-7')} ships today.`)
    expect(within(preview(picker)).getByText(/acme\.example/).textContent).toContain('https://acme.example/track/{{1}}')
    expect((picker.getByRole('button', { name: 'Send template' }) as HTMLButtonElement).disabled).toBe(true)

    type(picker.getByLabelText('Link ending for “Track order”'), 'A 7')
    expect(within(preview(picker)).getByText(/acme\.example/).textContent).toContain('https://acme.example/track/A%207')

    fireEvent.click(picker.getByRole('button', { name: 'Send template' }))
    const message = (await answered('POST', /\/conversations\/.+\/templates$/, 201)).body as Message
    expect(sentBody()).toEqual({ templateId: template.id, parameters: ['{{contact.first_name}}', 'A-7'], urlSuffix: 'A 7' })

    // The server filled the merge field with the visitor's first name.
    await waitFor(() => expect(threadTexts().some((t) => t.includes(`Hi ${isolated('Ada')}, order ${isolated('A-7')} ships today.`))).toBe(true))
    const sent = threadTexts().find((t) => t.includes(`Hi ${isolated('Ada')}`))!
    expect(sent).toContain('Your order')
    expect(sent).toContain('Track order')
    expect(message.conversationId).toBe(conversationId)
    // The form is ready for the next message.
    expect((picker.getByLabelText('Value for {{1}}') as HTMLInputElement).value).toBe('')
  })

  test('a named template sends its values as an object', async () => {
    await webVisitor('Ada Lovelace')
    const template = await templateIn('APPROVED', {
      name: 'follow_up_named',
      parameterFormat: 'NAMED',
      body: 'Hi {{first_name}}, your {{product}} is waiting.',
      examples: { first_name: 'Ada', product: 'House blend' },
    })
    const picker = await openPicker('Ada Lovelace')
    await chooseTemplate(picker, template.id)

    type(picker.getByLabelText('Value for {{first_name}}'), 'Grace')
    expect(within(preview(picker)).getByText(`Hi ${isolated('Grace')}, your {{product}} is waiting.`)).toBeTruthy()
    type(picker.getByLabelText('Value for {{product}}'), 'Espresso class')
    expect(within(preview(picker)).getByText(`Hi ${isolated('Grace')}, your ${isolated('Espresso class')} is waiting.`)).toBeTruthy()
    fireEvent.click(picker.getByRole('button', { name: 'Send template' }))

    await waitFor(() => expect(threadTexts().some((t) => t.includes(`Hi ${isolated('Grace')}, your ${isolated('Espresso class')} is waiting.`))).toBe(true))
    expect(sentBody()).toEqual({ templateId: template.id, parameters: { first_name: 'Grace', product: 'Espresso class' } })
  })

  test('without enough credits the send is refused with the server’s 402 sentence and nothing is added', async () => {
    const template = await templateIn('APPROVED', { name: 'promo', body: 'Sale ends {{1}}', examples: ['Friday'], category: 'MARKETING' })
    const conversationId = await whatsappCustomer('Grace Hopper')
    // Spend the 50 seeded credits, 10 per marketing template on WhatsApp.
    for (let i = 0; i < 5; i++) {
      await call('POST', `/v1/operator/conversations/${conversationId}/templates`, { templateId: template.id, parameters: ['soon'] })
    }
    const picker = await openPicker('Grace Hopper')
    await chooseTemplate(picker, template.id)
    const before = threadTexts().length
    type(picker.getByLabelText('Value for {{1}}'), 'Sunday')
    fireEvent.click(picker.getByRole('button', { name: 'Send template' }))

    const alert = await picker.findByRole('alert')
    const refusal = await answered('POST', /\/conversations\/.+\/templates$/, 402)
    expect((refusal.body as ApiErrorBody).error.code).toBe('insufficient_credits')
    expect(alert.textContent).toBe((refusal.body as ApiErrorBody).error.message)
    expect(threadTexts()).toHaveLength(before)
    // What was typed stays, to send again after buying credits.
    expect((picker.getByLabelText('Value for {{1}}') as HTMLInputElement).value).toBe('Sunday')
  })

  test('a template paused after the list was read is refused with the server’s 409 sentence', async () => {
    await webVisitor('Ada Lovelace')
    const template = await templateIn('APPROVED', { ...ORDER_UPDATE })
    const picker = await openPicker('Ada Lovelace')
    await chooseTemplate(picker, template.id)
    await call('POST', `/v1/mock/templates/${template.id}/quality`, { status: 'PAUSED' })

    type(picker.getByLabelText('Value for {{1}}'), 'Ada')
    type(picker.getByLabelText('Value for {{2}}'), 'A-7')
    type(picker.getByLabelText('Link ending for “Track order”'), 'A-7')
    fireEvent.click(picker.getByRole('button', { name: 'Send template' }))

    const alert = await picker.findByRole('alert')
    const refusal = await answered('POST', /\/conversations\/.+\/templates$/, 409)
    expect(alert.textContent).toBe((refusal.body as ApiErrorBody).error.message)
    expect(alert.textContent).toMatch(/PAUSED|Paused/)
  })
})

describe('WhatsApp window', () => {
  test('once the 24-hour window has closed, the reply form says free text needs a template and the picker is open', async () => {
    // The customer wrote 25 hours ago.
    clock.lagMs = 25 * 3_600_000
    await whatsappCustomer('Grace Hopper')
    clock.lagMs = 0
    renderConsole()
    await openConversation('Grace Hopper')

    const reply = screen.getByRole('textbox', { name: 'Reply' })
    const note = document.getElementById(reply.getAttribute('aria-describedby') ?? '')
    expect(note?.textContent).toContain('free text needs an approved template')
    expect(await screen.findByRole('form', { name: 'Send a template' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Hide template picker' }))
    expect(screen.queryByRole('form', { name: 'Send a template' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Choose a template' }))
    expect(screen.getByRole('form', { name: 'Send a template' })).toBeTruthy()
  })

  test('inside the window the reply form has no such note', async () => {
    await whatsappCustomer('Grace Hopper')
    renderConsole()
    await openConversation('Grace Hopper')
    expect(screen.getByRole('textbox', { name: 'Reply' }).getAttribute('aria-describedby')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Choose a template' })).toBeNull()
    expect(screen.queryByRole('form', { name: 'Send a template' })).toBeNull()
  })
})
