import { describe, expect, test } from 'vitest'
import { isolated } from '../../../src/i18n/bidi'
import type { MessageTemplate } from '../../../src/protocol/types'
import { bodyParameters, dynamicUrlButton, previewTemplate, sendTemplateBody } from '../../../demo/operator/template-preview'

function template(over: Partial<MessageTemplate>): MessageTemplate {
  return {
    id: 'tpl_1',
    brandId: 'brand_acme',
    name: 'order_update',
    language: 'en_US',
    category: 'UTILITY',
    parameterFormat: 'POSITIONAL',
    components: [{ type: 'BODY', text: 'Hi {{1}}, order {{2}} ships today.' }],
    status: 'APPROVED',
    rejectedReason: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  }
}

describe('body parameters', () => {
  test('positional ones come by number, each once, whatever order the body uses them in', () => {
    expect(bodyParameters('{{2}} then {{1}}, and {{2}} again', 'POSITIONAL')).toEqual(['1', '2'])
    expect(bodyParameters('{{10}} {{9}}', 'POSITIONAL')).toEqual(['9', '10'])
  })

  test('named ones come in order of first use; merge fields and the other style are not parameters', () => {
    const body = 'Hi {{first_name}}, {{contact.first_name}} {{1}} your {{order}} for {{first_name}}'
    expect(bodyParameters(body, 'NAMED')).toEqual(['first_name', 'order'])
    expect(bodyParameters(body, 'POSITIONAL')).toEqual(['1'])
  })
})

describe('preview', () => {
  test('fills typed values, keeps the placeholder of an empty one, and shows merge fields as typed', () => {
    const preview = previewTemplate(template({}), { '1': '{{contact.first_name}}', '2': '' })
    expect(preview.body).toBe(`Hi ${isolated('{{contact.first_name}}')}, order {{2}} ships today.`)
  })

  test('a value that looks like a parameter is not filled again', () => {
    expect(previewTemplate(template({}), { '1': '{{2}}', '2': 'A-7' }).body).toBe(`Hi ${isolated('{{2}}')}, order ${isolated('A-7')} ships today.`)
  })

  test('header, footer and buttons, with the URL suffix encoded as the server does', () => {
    const t = template({
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Your order' },
        { type: 'BODY', text: 'Order {{1}}' },
        { type: 'FOOTER', text: 'Acme Coffee' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'URL', text: 'Track', url: 'https://acme.example/t/{{1}}' },
            { type: 'URL', text: 'Shop', url: 'https://acme.example/' },
            { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15550001234' },
            { type: 'QUICK_REPLY', text: 'Thanks' },
          ],
        },
      ],
    })
    expect(previewTemplate(t, { '1': 'A-7' }, 'A 7/b')).toEqual({
      name: 'order_update',
      header: 'Your order',
      body: `Order ${isolated('A-7')}`,
      footer: 'Acme Coffee',
      buttons: [
        { type: 'URL', text: 'Track', url: 'https://acme.example/t/A%207%2Fb' },
        { type: 'URL', text: 'Shop', url: 'https://acme.example/' },
        { type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+15550001234' },
        { type: 'QUICK_REPLY', text: 'Thanks' },
      ],
    })
    expect(previewTemplate(t, {}).buttons[0]?.url).toBe('https://acme.example/t/{{1}}')
    expect(dynamicUrlButton(t)?.text).toBe('Track')
  })
})

describe('send body', () => {
  test('positional values go as an array in parameter order, with the URL suffix', () => {
    const t = template({
      components: [
        { type: 'BODY', text: '{{2}} before {{1}}' },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://acme.example/t/{{1}}' }] },
      ],
    })
    expect(sendTemplateBody(t, { '2': 'second', '1': 'first' }, 'A-7')).toEqual({
      templateId: 'tpl_1',
      parameters: ['first', 'second'],
      urlSuffix: 'A-7',
    })
  })

  test('named values go as an object; a template without parameters or dynamic link sends neither', () => {
    const named = template({ parameterFormat: 'NAMED', components: [{ type: 'BODY', text: 'Hi {{first_name}}' }] })
    expect(sendTemplateBody(named, { first_name: 'Ada', stale: 'x' }, 'ignored')).toEqual({
      templateId: 'tpl_1',
      parameters: { first_name: 'Ada' },
    })
    expect(sendTemplateBody(template({ components: [{ type: 'BODY', text: 'Hello' }] }), {})).toEqual({ templateId: 'tpl_1' })
  })
})
