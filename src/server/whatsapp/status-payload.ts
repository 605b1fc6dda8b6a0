import type { OutboundWhatsApp } from '../state'
import { webhookEnvelope } from './webhook-envelope'
import type { WebhookPayload } from './webhook-payload'

export type StatusReport =
  | { status: 'sent' | 'delivered' | 'read' }
  | { status: 'failed'; error: { code: number; title: string; details: string } }

/** A real-format status webhook, as Meta reports a business-sent message's progress and price. */
export function statusPayload(sent: OutboundWhatsApp, displayNumber: string, report: StatusReport, unixSeconds: number): WebhookPayload {
  return webhookEnvelope(displayNumber, {
    statuses: [
      {
        id: sent.id,
        status: report.status,
        recipient_id: sent.to,
        timestamp: String(unixSeconds),
        ...(report.status === 'failed'
          ? {
              errors: [
                {
                  code: report.error.code,
                  title: report.error.title,
                  message: report.error.title,
                  error_data: { details: report.error.details },
                },
              ],
            }
          : { pricing: sent.pricing }),
      },
    ],
  })
}
