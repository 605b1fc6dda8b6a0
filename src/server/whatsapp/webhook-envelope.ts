import type { WebhookPayload } from './webhook-payload'

/** The simulated Graph API's id for a business number: `pn_` and its digits. */
export const phoneNumberId = (displayNumber: string) => `pn_${displayNumber.replace(/\D/g, '')}`

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
              metadata: { display_phone_number: displayNumber, phone_number_id: phoneNumberId(displayNumber) },
              ...value,
            },
          },
        ],
      },
    ],
  }
}
