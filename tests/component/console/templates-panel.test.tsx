import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { isolated } from '../../../src/i18n/bidi'
import type { ApiErrorBody, MessageTemplate } from '../../../src/protocol/types'
import { call, choose, renderConsole, templateIn, type, useConsoleServer } from './console-server'

const { seen, answered } = useConsoleServer()

async function openTemplates() {
  renderConsole()
  fireEvent.click(screen.getByRole('button', { name: 'Templates' }))
  return screen.findByRole('region', { name: 'WhatsApp templates' })
}

const row = (name: string, language = 'en_US') => screen.findByRole('article', { name: `${name} (${language})` })

describe('template list', () => {
  test('shows each template with language, category and its review status, and a rejection with its reason', async () => {
    await templateIn('DRAFT', { name: 'draft_one', body: 'Hello' })
    await templateIn('PENDING', { name: 'pending_one', body: 'Hello' })
    await templateIn('APPROVED', { name: 'approved_one', body: 'Hello', category: 'MARKETING' })
    await templateIn('REJECTED', { name: 'rejected_one', body: 'Hello' }, 'Too promotional for UTILITY.')
    await openTemplates()

    expect(within(await row('draft_one')).getByText('Draft')).toBeTruthy()
    expect(within(await row('pending_one')).getByText('Pending review')).toBeTruthy()
    const approved = await row('approved_one')
    expect(within(approved).getByText('Approved')).toBeTruthy()
    expect(approved.textContent).toContain('en_US · MARKETING · Acme Coffee')
    const rejected = await row('rejected_one')
    expect(within(rejected).getByText('Rejected')).toBeTruthy()
    expect(within(rejected).getByText('Rejected: Too promotional for UTILITY.')).toBeTruthy()
  })

  test('offers edit only while the status allows it, and the demo review only on pending templates', async () => {
    await templateIn('DRAFT', { name: 'draft_one', body: 'Hello' })
    await templateIn('PENDING', { name: 'pending_one', body: 'Hello' })
    await templateIn('APPROVED', { name: 'approved_one', body: 'Hello' })
    await openTemplates()

    const draft = within(await row('draft_one'))
    expect(draft.getByRole('button', { name: 'Edit' })).toBeTruthy()
    expect(draft.getByRole('button', { name: 'Submit for review' })).toBeTruthy()
    expect(draft.queryByRole('button', { name: 'Approve (demo)' })).toBeNull()

    const pending = within(await row('pending_one'))
    expect(pending.queryByRole('button', { name: 'Edit' })).toBeNull()
    expect(pending.queryByRole('button', { name: 'Delete' })).toBeNull()
    expect(pending.getByRole('group', { name: /Demo only/ })).toBeTruthy()
    expect(pending.getByRole('button', { name: 'Approve (demo)' })).toBeTruthy()

    const approved = within(await row('approved_one'))
    expect(approved.queryByRole('button', { name: 'Edit' })).toBeNull()
    expect(approved.queryByRole('button', { name: 'Submit for review' })).toBeNull()
    expect(approved.getByRole('button', { name: 'Delete' })).toBeTruthy()
  })

  test('follows the brand filter of the sidebar', async () => {
    await templateIn('DRAFT', { name: 'acme_hello', body: 'Hello' })
    await templateIn('DRAFT', { name: 'sakura_hello', body: 'こんにちは', brandId: 'brand_sakura' })
    await openTemplates()
    await row('acme_hello')
    await row('sakura_hello')

    await screen.findByRole('option', { name: 'Sakura Tea' })
    choose(screen.getByLabelText('Brand'), 'brand_sakura')
    await waitFor(() => expect(screen.queryByRole('article', { name: 'acme_hello (en_US)' })).toBeNull())
    expect(await row('sakura_hello')).toBeTruthy()
    expect(seen.some((r) => r.path === '/v1/operator/templates?brandId=brand_sakura')).toBe(true)
  })
})

describe('template editor', () => {
  test('creates a template whose body parameters, found as typed, each get an example; then it is submitted and approved', async () => {
    await openTemplates()
    fireEvent.click(screen.getByRole('button', { name: 'New template' }))
    const form = within(await screen.findByRole('form', { name: 'New template' }))
    await form.findByRole('option', { name: 'Acme Coffee' })

    type(form.getByLabelText('Name'), 'order_shipped')
    choose(form.getByLabelText('Category'), 'UTILITY')
    type(form.getByLabelText('Header (optional)'), 'Your order')
    type(form.getByLabelText('Body'), 'Hi {{1}}, order {{2}} is on its way.')
    // Parameters appear as the body is typed, one example field each.
    type(form.getByLabelText('Example for {{1}}'), 'Ada')
    type(form.getByLabelText('Example for {{2}}'), 'A-1001')
    type(form.getByLabelText('Footer (optional)'), 'Reply STOP to opt out')
    fireEvent.click(form.getByRole('button', { name: 'Add link button' }))
    type(form.getByLabelText('Button 1 (link) text'), 'Track order')
    type(form.getByLabelText('Button 1 URL'), 'https://acme.example/track/{{1}}')
    fireEvent.click(form.getByRole('button', { name: 'Add quick reply button' }))
    type(form.getByLabelText('Button 2 (quick reply) text'), 'Thanks!')
    expect(within(form.getByRole('region', { name: 'Preview with the examples' })).getByText(`Hi ${isolated('Ada')}, order ${isolated('A-1001')} is on its way.`)).toBeTruthy()

    fireEvent.click(form.getByRole('button', { name: 'Create template' }))
    const created = within(await row('order_shipped'))
    expect(created.getByText('Draft')).toBeTruthy()

    const post = seen.find((r) => r.method === 'POST' && r.path === '/v1/operator/templates')
    expect(post?.body).toEqual({
      brandId: 'brand_acme',
      name: 'order_shipped',
      language: 'en_US',
      category: 'UTILITY',
      parameterFormat: 'POSITIONAL',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Your order' },
        { type: 'BODY', text: 'Hi {{1}}, order {{2}} is on its way.', example: { body_text: [['Ada', 'A-1001']] } },
        { type: 'FOOTER', text: 'Reply STOP to opt out' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'URL', text: 'Track order', url: 'https://acme.example/track/{{1}}' },
            { type: 'QUICK_REPLY', text: 'Thanks!' },
          ],
        },
      ],
    })

    fireEvent.click(created.getByRole('button', { name: 'Submit for review' }))
    expect(await within(await row('order_shipped')).findByText('Pending review')).toBeTruthy()

    fireEvent.click(within(await row('order_shipped')).getByRole('button', { name: 'Approve (demo)' }))
    expect(await within(await row('order_shipped')).findByText('Approved')).toBeTruthy()
    expect(seen.some((r) => r.method === 'POST' && r.path.startsWith('/v1/mock/templates/') && (r.body as { decision?: string }).decision === 'APPROVED')).toBe(true)
    const { templates } = await call<{ templates: MessageTemplate[] }>('GET', '/v1/operator/templates')
    expect(templates.find((t) => t.name === 'order_shipped')?.status).toBe('APPROVED')
  })

  test('a named template sends its examples as body_text_named_params', async () => {
    await openTemplates()
    fireEvent.click(screen.getByRole('button', { name: 'New template' }))
    const form = within(await screen.findByRole('form', { name: 'New template' }))
    await form.findByRole('option', { name: 'Acme Coffee' })
    type(form.getByLabelText('Name'), 'welcome_named')
    choose(form.getByLabelText('Parameters'), 'NAMED')
    type(form.getByLabelText('Body'), 'Welcome {{first_name}}! Your code is {{code}}. Bye {{first_name}}.')
    expect(form.queryByLabelText('Example for {{1}}')).toBeNull()
    type(form.getByLabelText('Example for {{first_name}}'), 'Ada')
    type(form.getByLabelText('Example for {{code}}'), 'XY12')
    fireEvent.click(form.getByRole('button', { name: 'Create template' }))
    await row('welcome_named')

    const post = seen.find((r) => r.method === 'POST' && r.path === '/v1/operator/templates')
    expect((post?.body as { components: unknown[] }).components).toEqual([
      {
        type: 'BODY',
        text: 'Welcome {{first_name}}! Your code is {{code}}. Bye {{first_name}}.',
        example: {
          body_text_named_params: [
            { param_name: 'first_name', example: 'Ada' },
            { param_name: 'code', example: 'XY12' },
          ],
        },
      },
    ])
  })

  test('rejecting in the demo shows the reason; editing the rejected template makes it a draft again', async () => {
    await templateIn('PENDING', { name: 'promo', body: 'Sale {{1}}', examples: ['today'], category: 'MARKETING' })
    await openTemplates()
    const pending = within(await row('promo'))
    type(pending.getByLabelText('Rejection reason (demo)'), 'Body is unclear.')
    fireEvent.click(pending.getByRole('button', { name: 'Reject (demo)' }))
    expect(await within(await row('promo')).findByText('Rejected: Body is unclear.')).toBeTruthy()

    fireEvent.click(within(await row('promo')).getByRole('button', { name: 'Edit' }))
    const form = within(await screen.findByRole('form', { name: 'Edit template promo' }))
    expect((form.getByLabelText('Example for {{1}}') as HTMLInputElement).value).toBe('today')
    type(form.getByLabelText('Body'), 'Our sale ends {{1}}.')
    fireEvent.click(form.getByRole('button', { name: 'Save changes' }))
    expect(await within(await row('promo')).findByText('Draft')).toBeTruthy()
    const patch = seen.find((r) => r.method === 'PATCH')
    expect(patch?.body).toMatchObject({ name: 'promo', category: 'MARKETING', components: [{ type: 'BODY', text: 'Our sale ends {{1}}.' }] })
    expect(patch?.body).not.toHaveProperty('brandId')
  })

  test('shows the server’s refusal in its own words: a taken name (409), a bad link (400)', async () => {
    await templateIn('DRAFT', { name: 'order_shipped', body: 'Hello' })
    await openTemplates()
    await row('order_shipped')
    fireEvent.click(screen.getByRole('button', { name: 'New template' }))
    const form = within(await screen.findByRole('form', { name: 'New template' }))
    await form.findByRole('option', { name: 'Acme Coffee' })
    type(form.getByLabelText('Name'), 'order_shipped')
    type(form.getByLabelText('Body'), 'Hello again')
    fireEvent.click(form.getByRole('button', { name: 'Create template' }))
    const taken = await form.findByRole('alert')
    const conflict = await answered('POST', /^\/v1\/operator\/templates$/, 409)
    expect(taken.textContent).toBe((conflict.body as ApiErrorBody).error.message)
    expect(taken.textContent).toContain('order_shipped')

    type(form.getByLabelText('Name'), 'order_two')
    fireEvent.click(form.getByRole('button', { name: 'Add link button' }))
    type(form.getByLabelText('Button 1 (link) text'), 'Track')
    type(form.getByLabelText('Button 1 URL'), 'http://acme.example/track')
    fireEvent.click(form.getByRole('button', { name: 'Create template' }))
    const invalid = await answered('POST', /^\/v1\/operator\/templates$/, 400)
    await waitFor(() => expect(form.getByRole('alert').textContent).toBe((invalid.body as ApiErrorBody).error.message))
    expect(screen.queryByRole('article', { name: 'order_two (en_US)' })).toBeNull()
  })

  test('deletes a template', async () => {
    await templateIn('APPROVED', { name: 'old_news', body: 'Hello' })
    await openTemplates()
    fireEvent.click(within(await row('old_news')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.queryByRole('article', { name: 'old_news (en_US)' })).toBeNull())
    expect(seen.some((r) => r.method === 'DELETE' && r.path.startsWith('/v1/operator/templates/tpl_'))).toBe(true)
  })
})
