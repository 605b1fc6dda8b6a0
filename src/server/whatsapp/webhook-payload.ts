import { z } from 'zod'
import { withoutBidiControls } from '../../i18n/bidi'

/**
 * The Cloud API webhook shape (`entry[].changes[].value`). Fields we do not use pass through
 * unchecked, so Meta adding one never makes us refuse a delivery.
 */
const contact = z.object({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  // Meta passes on whatever the customer called themselves.
  profile: z.object({ name: z.string().overwrite(withoutBidiControls).optional() }).optional(),
})

const message = z.object({
  id: z.string().min(1),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
})

const status = z.object({
  id: z.string(),
  status: z.string(),
  recipient_id: z.string().optional(),
  timestamp: z.string().optional(),
  pricing: z
    .object({ billable: z.boolean(), pricing_model: z.string(), type: z.string().optional(), category: z.string() })
    .optional(),
  errors: z
    .array(
      z.object({
        code: z.number(),
        title: z.string().optional(),
        message: z.string().optional(),
        error_data: z.object({ details: z.string() }).optional(),
      }),
    )
    .optional(),
})

export const webhookPayload = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string().optional(),
      changes: z.array(
        z.object({
          field: z.string().optional(),
          value: z.object({
            messaging_product: z.literal('whatsapp').optional(),
            metadata: z.object({ display_phone_number: z.string(), phone_number_id: z.string().optional() }),
            contacts: z.array(contact).optional(),
            messages: z.array(message).optional(),
            statuses: z.array(status).optional(),
          }),
        }),
      ),
    }),
  ),
})

export type WebhookPayload = z.output<typeof webhookPayload>
export type WebhookMessage = z.output<typeof message>
