import { isolated, withoutBidiControls } from '../../i18n/bidi'
import type { MessageTemplate, RenderedTemplate, SendTemplateBody, TemplateComponent } from '../../protocol/types'
import { ApiFailure } from '../api-error'
import { fillMergeFields } from '../merge-fields'
import { parametersOf } from './parameters'

type Component<T extends TemplateComponent['type']> = Extract<TemplateComponent, { type: T }>

const mismatch = (message: string) => new ApiFailure(422, 'parameter_mismatch', message, 'parameters')

/** A template filled for sending: as the chat shows it, and the values the Cloud API request carries. */
export interface FilledTemplate {
  rendered: RenderedTemplate
  /** Body parameters in order of first use, merge fields filled. */
  parameters: Array<{ name: string; text: string }>
}

/**
 * Fills a template's body parameters (and a URL button's dynamic suffix) for sending. Missing or extra
 * parameters are refused; parameter values may hold merge fields such as `{{contact.first_name}}`.
 */
export function renderTemplate(
  template: MessageTemplate,
  input: Omit<SendTemplateBody, 'templateId'>,
  mergeValues: Record<string, string>,
): FilledTemplate {
  const find = <T extends TemplateComponent['type']>(type: T) =>
    template.components.find((c): c is Component<T> => c.type === type)
  const body = find('BODY')!
  const names = parametersOf(body.text, template.parameterFormat)
  const values = valuesByName(names, input.parameters, template.parameterFormat)
  const filled = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, fillMergeFields(value, mergeValues).text]))
  // Each value is isolated in the body as shown, so none can reorder the approved text around it.
  const text = body.text.replace(/\{\{([a-z0-9_]+)\}\}/g, (whole, name: string) => (name in filled ? isolated(withoutBidiControls(filled[name]!)) : whole))

  const buttons = (find('BUTTONS')?.buttons ?? []).map((button) => {
    if (button.type === 'URL') {
      const dynamic = button.url.endsWith('{{1}}')
      if (dynamic && !input.urlSuffix) throw mismatch(`The "${button.text}" button needs a urlSuffix.`)
      const url = dynamic ? button.url.replace('{{1}}', encodeURIComponent(input.urlSuffix!)) : button.url
      return { type: button.type, text: button.text, url }
    }
    if (button.type === 'PHONE_NUMBER') return { type: button.type, text: button.text, phoneNumber: button.phone_number }
    return { type: button.type, text: button.text }
  })
  return {
    rendered: { name: template.name, header: find('HEADER')?.text ?? null, body: text, footer: find('FOOTER')?.text ?? null, buttons },
    parameters: names.map((name) => ({ name, text: filled[name]! })),
  }
}

function valuesByName(
  names: string[],
  given: SendTemplateBody['parameters'],
  format: MessageTemplate['parameterFormat'],
): Record<string, string> {
  if (format === 'POSITIONAL') {
    const list = Array.isArray(given) ? given : given === undefined ? [] : null
    if (!list) throw mismatch('This template takes positional parameters: send them as an array.')
    if (list.length !== names.length) throw mismatch(`This template takes ${names.length} parameters; ${list.length} were given.`)
    return Object.fromEntries(list.map((value, i) => [String(i + 1), value]))
  }
  const record = given === undefined ? {} : Array.isArray(given) ? null : given
  if (!record) throw mismatch('This template takes named parameters: send them as an object.')
  const missing = names.filter((n) => record[n] === undefined)
  const extra = Object.keys(record).filter((n) => !names.includes(n))
  if (missing.length || extra.length) {
    throw mismatch(`Parameters do not match the template (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'}).`)
  }
  return record
}
