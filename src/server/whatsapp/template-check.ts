import type { MessageTemplate, TemplateComponent } from '../../protocol/types'
import { parametersOf } from '../templates/parameters'
import { CloudApiError } from './cloud-api-error'
import type { CloudApiTemplateComponent } from './cloud-api-request'

type Parameter = CloudApiTemplateComponent['parameters'] extends (infer P)[] | undefined ? P : never
type TextParameter = { type: 'text'; text: string; parameter_name?: string | undefined }

// Meta refuses parameter text with line breaks or tabs, or more than 4 spaces in a row.
const BAD_TEXT = /[\n\t]| {5,}/

/**
 * Checks a template send's parameters the way the Cloud API does: 132000 when a component gets the
 * wrong number of them, 132012 when their format is not the template's. Returns the filled body.
 */
export function checkTemplateParameters(template: MessageTemplate, components: CloudApiTemplateComponent[]): string {
  const body = template.components.find((c): c is Extract<TemplateComponent, { type: 'BODY' }> => c.type === 'BODY')!
  const names = parametersOf(body.text, template.parameterFormat)
  const given = components.filter((c) => c.type === 'body').flatMap((c) => c.parameters ?? [])
  if (given.length !== names.length) {
    throw new CloudApiError(
      132000,
      `body: number of localizable_params (${given.length}) does not match the expected number of params (${names.length})`,
    )
  }
  if (components.some((c) => c.type === 'header' && c.parameters?.length)) {
    throw new CloudApiError(132000, 'header: this template’s header takes no parameters')
  }
  const values = new Map<string, string>()
  given.forEach((parameter, i) => {
    const text = textOf(parameter, `body parameter ${i + 1}`)
    const given = (parameter as TextParameter).parameter_name
    const name = template.parameterFormat === 'NAMED' ? given : String(i + 1)
    if (template.parameterFormat === 'NAMED' && (!name || !names.includes(name))) {
      throw new CloudApiError(132012, `body parameter ${i + 1}: a named template needs parameter_name, one of ${names.join(', ')}`)
    }
    if (template.parameterFormat === 'POSITIONAL' && given !== undefined) {
      throw new CloudApiError(132012, `body parameter ${i + 1}: a positional template takes no parameter_name`)
    }
    values.set(name!, text)
  })
  checkButtons(template, components)
  return body.text.replace(/\{\{([a-z0-9_]+)\}\}/g, (whole, name: string) => values.get(name) ?? whole)
}

function checkButtons(template: MessageTemplate, components: CloudApiTemplateComponent[]): void {
  const buttons = template.components.find((c) => c.type === 'BUTTONS')?.buttons ?? []
  buttons.forEach((button, index) => {
    const dynamic = button.type === 'URL' && button.url.endsWith('{{1}}')
    const given = components.find((c) => c.type === 'button' && Number(c.index) === index)?.parameters ?? []
    if (given.length !== (dynamic ? 1 : 0)) {
      throw new CloudApiError(
        132000,
        `button at index ${index}: number of params (${given.length}) does not match the expected number of params (${dynamic ? 1 : 0})`,
      )
    }
    if (dynamic) textOf(given[0]!, `button ${index} URL suffix`)
  })
}

function textOf(parameter: Parameter, where: string): string {
  if (parameter.type !== 'text' || typeof (parameter as TextParameter).text !== 'string') {
    throw new CloudApiError(132012, `${where}: expected a text parameter, got ${parameter.type}`)
  }
  const { text } = parameter as TextParameter
  if (!text.trim()) throw new CloudApiError(132012, `${where}: parameter text is empty`)
  if (BAD_TEXT.test(text)) {
    throw new CloudApiError(132012, `${where}: parameter text cannot have new-line/tab characters or more than 4 consecutive spaces`)
  }
  return text
}
