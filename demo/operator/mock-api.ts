import { createHttp } from '../../src/http/create-http'
import type { MessageTemplate } from '../../src/protocol/types'
import { requestJson } from './operator-api'

export type ReviewDecision = 'APPROVED' | 'REJECTED'

/**
 * The reference server's demo controls (`/v1/mock`, outside the operator API). In production Meta
 * reviews templates on its side; the demo console offers the decision as a clearly labelled control.
 */
export function reviewTemplateInDemo(apiBase: string, templateId: string, decision: ReviewDecision, reason?: string) {
  const body = reason ? { decision, reason } : { decision }
  const http = createHttp({ apiBase })
  return requestJson<MessageTemplate>(http, 'POST', `v1/mock/templates/${encodeURIComponent(templateId)}/review`, body)
}
