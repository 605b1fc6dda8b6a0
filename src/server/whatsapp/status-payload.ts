import type { OutboundWhatsApp } from '../state'
import type { WebhookPayload } from './webhook-payload'

/** A real-format status webhook, as Meta reports a business-sent message's progress. */
export function statusPayload(
  sent: OutboundWhatsApp,
  displayNumber: string,
  status: 'sent' | 'delivered' | 'read',
  unixSeconds: number,
): WebhookPayload {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba_demo',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: displayNumber, phone_number_id: 'pn_demo' },
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
            },
          },
        ],
      },
    ],
  }
}
