import { createHttp } from '../../src/http/create-http'
import type { MessageTemplate } from '../../src/protocol/types'
import { requestJson } from './operator-api'

export type ReviewDecision = 'APPROVED' | 'REJECTED'

export type DemoControls = ReturnType<typeof createDemoControls>

/**
 * The reference server's demo controls (`/v1/mock`, outside the operator API), which take the admin's
 * token only. In production Meta reviews templates on its side; the demo console offers the decision
 * to the admin as a clearly labelled control.
 */
export function createDemoControls(apiBase: string, token: string) {
  const http = createHttp({ apiBase, token: () => token })
  return {
    reviewTemplate(templateId: string, decision: ReviewDecision, reason?: string) {
      const body = reason ? { decision, reason } : { decision }
      return requestJson<MessageTemplate>(http, 'POST', `v1/mock/templates/${encodeURIComponent(templateId)}/review`, body)
    },
  }
}
