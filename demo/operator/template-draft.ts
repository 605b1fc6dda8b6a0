import type { MessageTemplate, TemplateButton, TemplateCategory, TemplateComponent } from '../../src/protocol/types'
import type { TemplateInput } from './operator-api'
import { bodyParameters, componentOf, type ParameterFormat } from './template-preview'

export const LANGUAGES = ['en_US', 'ja', 'es', 'zh_CN'] as const
export const CATEGORIES: TemplateCategory[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION']
export const PARAMETER_FORMATS: ParameterFormat[] = ['POSITIONAL', 'NAMED']

/** What the editor holds while the operator types: flat fields, examples by parameter name. */
export interface TemplateDraft {
  brandId: string
  name: string
  language: string
  category: TemplateCategory
  parameterFormat: ParameterFormat
  header: string
  body: string
  /** Kept for parameters removed from the body too, so retyping one brings its example back. */
  examples: Record<string, string>
  footer: string
  buttons: TemplateButton[]
}

export function emptyDraft(brandId: string): TemplateDraft {
  return {
    brandId,
    name: '',
    language: 'en_US',
    category: 'UTILITY',
    parameterFormat: 'POSITIONAL',
    header: '',
    body: '',
    examples: {},
    footer: '',
    buttons: [],
  }
}

/** An existing template back into the editor's fields. */
export function draftOf(template: MessageTemplate): TemplateDraft {
  const example = componentOf(template, 'BODY')?.example
  const names = bodyParameters(componentOf(template, 'BODY')?.text ?? '', template.parameterFormat)
  const examples: Record<string, string> =
    template.parameterFormat === 'POSITIONAL'
      ? Object.fromEntries(names.map((name, i) => [name, example?.body_text?.[0]?.[i] ?? '']))
      : Object.fromEntries((example?.body_text_named_params ?? []).map((p) => [p.param_name, p.example]))
  return {
    brandId: template.brandId,
    name: template.name,
    language: template.language,
    category: template.category,
    parameterFormat: template.parameterFormat,
    header: componentOf(template, 'HEADER')?.text ?? '',
    body: componentOf(template, 'BODY')?.text ?? '',
    examples,
    footer: componentOf(template, 'FOOTER')?.text ?? '',
    buttons: structuredClone(componentOf(template, 'BUTTONS')?.buttons ?? []),
  }
}

/** The parameters the body uses right now, as the operator types. */
export function draftParameters(draft: TemplateDraft): string[] {
  return bodyParameters(draft.body, draft.parameterFormat)
}

/**
 * The request body in the Cloud API's component shape. Examples go where Meta expects them:
 * `body_text` (one row, in parameter order) for positional, `body_text_named_params` for named.
 */
export function templateInputOf(draft: TemplateDraft): TemplateInput {
  const names = draftParameters(draft)
  const example = (name: string) => draft.examples[name] ?? ''
  const body: Extract<TemplateComponent, { type: 'BODY' }> = { type: 'BODY', text: draft.body }
  if (names.length) {
    body.example =
      draft.parameterFormat === 'POSITIONAL'
        ? { body_text: [names.map(example)] }
        : { body_text_named_params: names.map((name) => ({ param_name: name, example: example(name) })) }
  }
  const components: TemplateComponent[] = []
  if (draft.header.trim()) components.push({ type: 'HEADER', format: 'TEXT', text: draft.header })
  components.push(body)
  if (draft.footer.trim()) components.push({ type: 'FOOTER', text: draft.footer })
  if (draft.buttons.length) components.push({ type: 'BUTTONS', buttons: draft.buttons })
  return {
    brandId: draft.brandId,
    name: draft.name.trim(),
    language: draft.language,
    category: draft.category,
    parameterFormat: draft.parameterFormat,
    components,
  }
}

export function newButton(type: TemplateButton['type']): TemplateButton {
  switch (type) {
    case 'QUICK_REPLY':
      return { type, text: '' }
    case 'URL':
      return { type, text: '', url: 'https://' }
    case 'PHONE_NUMBER':
      return { type, text: '', phone_number: '' }
  }
}
