import { isolated, withoutBidiControls } from '../../src/i18n/bidi'
import type { MessageTemplate, RenderedTemplate, SendTemplateBody, TemplateButton, TemplateComponent } from '../../src/protocol/types'

export type ParameterFormat = MessageTemplate['parameterFormat']
type Component<T extends TemplateComponent['type']> = Extract<TemplateComponent, { type: T }>
type UrlButton = Extract<TemplateButton, { type: 'URL' }>

/** The same patterns as the server's: `{{1}}` or `{{first_name}}`; `{{contact.first_name}}` is neither. */
const PATTERNS: Record<ParameterFormat, RegExp> = {
  POSITIONAL: /\{\{(\d+)\}\}/g,
  NAMED: /\{\{([a-z_][a-z0-9_]*)\}\}/g,
}

/** The suffix placeholder a URL button's url may end in. */
const URL_SUFFIX = '{{1}}'

/**
 * The parameters a body uses, each once: positional ones by number (`['1', '2']`, the order the
 * server reads an array in), named ones in order of first use (`['first_name', 'order']`).
 */
export function bodyParameters(text: string, format: ParameterFormat): string[] {
  const names = [...new Set([...text.matchAll(PATTERNS[format])].map((m) => m[1]!))]
  return format === 'POSITIONAL' ? names.sort((a, b) => Number(a) - Number(b)) : names
}

export function componentOf<T extends TemplateComponent['type']>(template: Pick<MessageTemplate, 'components'>, type: T) {
  return template.components.find((c): c is Component<T> => c.type === type)
}

/** The URL button whose url takes a suffix when sending, if the template has one. */
export function dynamicUrlButton(template: Pick<MessageTemplate, 'components'>): UrlButton | null {
  const buttons = componentOf(template, 'BUTTONS')?.buttons ?? []
  return buttons.find((b): b is UrlButton => b.type === 'URL' && b.url.endsWith(URL_SUFFIX)) ?? null
}

/**
 * The template as the customer would see it with these values. An empty value keeps its `{{name}}`
 * so the gap shows; values are shown as typed, merge fields included (the server fills those).
 */
export function previewTemplate(
  template: Pick<MessageTemplate, 'name' | 'parameterFormat' | 'components'>,
  values: Record<string, string>,
  urlSuffix = '',
): RenderedTemplate {
  const body = componentOf(template, 'BODY')?.text ?? ''
  // Each value isolated, as the server fills it (src/server/templates/render-template.ts).
  const filled = body.replace(PATTERNS[template.parameterFormat], (whole, name: string) =>
    values[name] ? isolated(withoutBidiControls(values[name])) : whole,
  )
  const buttons = (componentOf(template, 'BUTTONS')?.buttons ?? []).map((button): RenderedTemplate['buttons'][number] => {
    switch (button.type) {
      case 'URL':
        return { type: 'URL', text: button.text, url: withSuffix(button.url, urlSuffix) }
      case 'PHONE_NUMBER':
        return { type: 'PHONE_NUMBER', text: button.text, phoneNumber: button.phone_number }
      case 'QUICK_REPLY':
        return { type: 'QUICK_REPLY', text: button.text }
    }
  })
  return {
    name: template.name,
    header: componentOf(template, 'HEADER')?.text ?? null,
    body: filled,
    footer: componentOf(template, 'FOOTER')?.text ?? null,
    buttons,
  }
}

/** Encoded as the server encodes it, so the preview shows the link that will be sent. */
function withSuffix(url: string, suffix: string): string {
  return url.endsWith(URL_SUFFIX) && suffix ? url.slice(0, -URL_SUFFIX.length) + encodeURIComponent(suffix) : url
}

/** The send body: parameters as an array for a positional template, as an object for a named one. */
export function sendTemplateBody(template: MessageTemplate, values: Record<string, string>, urlSuffix = ''): SendTemplateBody {
  const names = bodyParameters(componentOf(template, 'BODY')?.text ?? '', template.parameterFormat)
  const body: SendTemplateBody = { templateId: template.id }
  if (names.length) {
    body.parameters =
      template.parameterFormat === 'POSITIONAL'
        ? names.map((name) => values[name] ?? '')
        : Object.fromEntries(names.map((name) => [name, values[name] ?? '']))
  }
  if (dynamicUrlButton(template) && urlSuffix) body.urlSuffix = urlSuffix
  return body
}
