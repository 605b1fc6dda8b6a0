import type { MessageTemplate } from '../../protocol/types'
import { ApiFailure, notFound } from '../api-error'
import type { ServerState } from '../state'

const NOT_SENDABLE: Record<string, string> = {
  PAUSED: 'template_paused',
  DISABLED: 'template_disabled',
}

/** A template the operator may send to a conversation of `brandId`: it exists, is the brand's, and is APPROVED. */
export function sendableTemplate(state: ServerState, templateId: string, brandId: string): MessageTemplate {
  const template = state.templates.get(templateId)
  if (!template) throw notFound('template')
  if (template.brandId !== brandId) {
    throw new ApiFailure(422, 'brand_mismatch', 'This template belongs to another brand than the conversation.', 'templateId')
  }
  if (template.status !== 'APPROVED') {
    const code = NOT_SENDABLE[template.status] ?? 'template_not_approved'
    throw new ApiFailure(409, code, `Only an APPROVED template can be sent; this one is ${template.status}.`)
  }
  return template
}
