import type { MessageTemplate, TemplateComponent } from '../../protocol/types'
import { ApiFailure } from '../api-error'

const POSITIONAL = /\{\{(\d+)\}\}/g
const NAMED = /\{\{([a-z_][a-z0-9_]*)\}\}/g

/** The parameter names a text uses, in order of first use (`['1','2']` or `['first_name']`). */
export function parametersOf(text: string, format: MessageTemplate['parameterFormat']): string[] {
  const pattern = format === 'POSITIONAL' ? POSITIONAL : NAMED
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1]!))]
}

/**
 * Positional parameters must be `{{1}}`…`{{n}}` with none skipped, and every parameter needs an
 * example: the review (like Meta's) judges the filled text.
 */
export function checkTemplateParameters(template: Pick<MessageTemplate, 'parameterFormat' | 'components'>): void {
  const body = template.components.find((c): c is Extract<TemplateComponent, { type: 'BODY' }> => c.type === 'BODY')!
  const params = parametersOf(body.text, template.parameterFormat)
  const fail = (message: string) => new ApiFailure(400, 'validation_failed', message, 'components')
  if (template.parameterFormat === 'POSITIONAL') {
    if (/\{\{(?!\d+\}\})/.test(body.text)) throw fail('A positional template uses only {{1}}-style parameters.')
    const numbers = params.map(Number).sort((a, b) => a - b)
    if (numbers.some((n, i) => n !== i + 1)) throw fail('Body parameters must be {{1}}, {{2}}, … in sequence.')
    if (params.length && (body.example?.body_text?.[0]?.length ?? 0) !== params.length) {
      throw fail(`Give one example for each of the ${params.length} body parameters (example.body_text).`)
    }
  } else {
    if (/\{\{\d+\}\}/.test(body.text)) throw fail('A named template uses only {{name}}-style parameters.')
    const examples = new Set((body.example?.body_text_named_params ?? []).map((p) => p.param_name))
    const without = params.filter((p) => !examples.has(p))
    if (without.length) throw fail(`Give an example for each named parameter (missing: ${without.join(', ')}).`)
  }
}
