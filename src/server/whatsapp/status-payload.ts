import type { OutboundWhatsApp } from '../state'
import { webhookEnvelope } from './webhook-envelope'
import type { WebhookPayload } from './webhook-payload'

/** A real-format status webhook, as Meta reports a business-sent message's progress. */
export function statusPayload(
  sent: OutboundWhatsApp,
  displayNumber: string,
  status: 'sent' | 'delivered' | 'read',
  unixSeconds: number,
): WebhookPayload {
  return webhookEnvelope(displayNumber, {
    statuses: [
      {
        id: sent.id,
        status,
        recipient_id: sent.to,
        timestamp: String(unixSeconds),
        // Replies inside the customer-service window are free.
        pricing: { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
      },
    ],
  })
}
