import type { WebhookPayload } from './webhook-payload'

type ChangeValue = WebhookPayload['entry'][number]['changes'][number]['value']

/** Wraps one change the way the Cloud API delivers it: one entry, one `messages` change. */
export function webhookEnvelope(displayNumber: string, value: Omit<ChangeValue, 'metadata' | 'messaging_product'>): WebhookPayload {
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
              ...value,
            },
          },
        ],
      },
    ],
  }
}
