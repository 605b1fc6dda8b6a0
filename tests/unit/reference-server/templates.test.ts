import { describe, expect, test } from 'vitest'
import { asOperator, call, useReferenceServer } from './harness'

useReferenceServer()

const orderUpdate = {
  brandId: 'brand_acme',
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Your order' },
    { type: 'BODY', text: 'Hi {{1}}, your order {{2}} is on its way.', example: { body_text: [['Ada', 'A-1001']] } },
    { type: 'FOOTER', text: 'Acme Coffee' },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://acme.example/track/{{1}}', example: ['A-1001'] }] },
  ],
}

const create = (template: object = orderUpdate) => asOperator<any>('POST', '/v1/operator/templates', template)
const submit = (id: string) => asOperator<any>('POST', `/v1/operator/templates/${id}/submit`)
const review = (id: string, decision: string, reason?: string) =>
  asOperator<any>('POST', `/v1/mock/templates/${id}/review`, { decision, ...(reason ? { reason } : {}) })

describe('template lifecycle', () => {
  test('draft -> submitted -> approved, locked for edits while pending and once approved', async () => {
    const { status, body } = await create()
    expect(status).toBe(201)
    expect(body).toMatchObject({ status: 'DRAFT', parameterFormat: 'POSITIONAL', id: expect.stringMatching(/^tpl_/) })

    expect((await submit(body.id)).body.status).toBe('PENDING')
    expect((await asOperator<any>('PATCH', `/v1/operator/templates/${body.id}`, { category: 'MARKETING' })).status).toBe(409)
    expect((await asOperator<any>('DELETE', `/v1/operator/templates/${body.id}`)).status).toBe(409)
    expect((await submit(body.id)).status).toBe(409)

    expect((await review(body.id, 'APPROVED')).body.status).toBe('APPROVED')
    const edit = await asOperator<any>('PATCH', `/v1/operator/templates/${body.id}`, { category: 'MARKETING' })
    expect(edit.status).toBe(409)
    expect(edit.body.error.code).toBe('template_locked')
    expect((await review(body.id, 'REJECTED')).status).toBe(409)
  })

  test('a rejected template says why, can be edited (back to draft) and submitted again', async () => {
    const { body } = await create()
    await submit(body.id)
    expect((await review(body.id, 'REJECTED', 'Looks like marketing')).body).toMatchObject({
      status: 'REJECTED',
      rejectedReason: 'Looks like marketing',
    })
    const edited = await asOperator<any>('PATCH', `/v1/operator/templates/${body.id}`, { category: 'MARKETING' })
    expect(edited.body).toMatchObject({ status: 'DRAFT', category: 'MARKETING', rejectedReason: null })
    expect((await submit(body.id)).body.status).toBe('PENDING')
  })

  test('names are unique per language, and a draft can be deleted', async () => {
    const first = await create()
    expect((await create()).body.error.code).toBe('name_taken')
    expect((await create({ ...orderUpdate, language: 'ja' })).status).toBe(201)
    expect((await asOperator('DELETE', `/v1/operator/templates/${first.body.id}`)).status).toBe(204)
    const templates = (await asOperator<any>('GET', '/v1/operator/templates?brandId=brand_acme')).body.templates
    expect(templates.filter((t: any) => t.name === 'order_update')).toHaveLength(1)
  })
})

describe('template validation', () => {
  const withBody = (text: string, example?: object, extra: object = {}) => ({
    ...orderUpdate,
    ...extra,
    components: [{ type: 'BODY', text, ...(example ? { example } : {}) }],
  })

  test.each([
    ['a name with capitals', { ...orderUpdate, name: 'Order Update' }, 'name'],
    ['an unknown category', { ...orderUpdate, category: 'PROMO' }, 'category'],
    ['a bad language code', { ...orderUpdate, language: 'english' }, 'language'],
    ['no body', { ...orderUpdate, components: [{ type: 'FOOTER', text: 'x' }] }, 'components'],
    ['two bodies', { ...orderUpdate, components: [{ type: 'BODY', text: 'a' }, { type: 'BODY', text: 'b' }] }, 'components'],
    ['skipped positional parameters', withBody('Hi {{1}} and {{3}}', { body_text: [['a', 'b']] }), 'components'],
    ['a missing example', withBody('Hi {{1}}'), 'components'],
    ['a named parameter in a positional template', withBody('Hi {{first_name}}'), 'components'],
    ['a named parameter with no example', withBody('Hi {{first_name}}', undefined, { parameterFormat: 'NAMED' }), 'components'],
    [
      'three URL buttons',
      {
        ...orderUpdate,
        components: [
          { type: 'BODY', text: 'Hi' },
          { type: 'BUTTONS', buttons: [1, 2, 3].map((n) => ({ type: 'URL', text: `L${n}`, url: `https://a.example/${n}` })) },
        ],
      },
      'components.1.buttons',
    ],
    [
      'a URL button on http',
      { ...orderUpdate, components: [{ type: 'BODY', text: 'Hi' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Go', url: 'http://a.example' }] }] },
      'components.1.buttons.0.url',
    ],
  ])('%s is 400 naming the field', async (_, template, field) => {
    const res = await create(template)
    expect(res.status).toBe(400)
    expect(res.body.error.field).toBe(field)
  })

  test('a named template with an example for each parameter is accepted', async () => {
    const named = withBody('Hi {{first_name}}!', { body_text_named_params: [{ param_name: 'first_name', example: 'Ada' }] }, {
      parameterFormat: 'NAMED',
      name: 'hello_named',
    })
    expect((await create(named)).status).toBe(201)
  })
})
