import { z } from 'zod'
import type { WhatsAppHandoff } from '../../../protocol/types'
import type { OutboundWhatsApp } from '../../state'
import type { CloudApiErrorBody } from '../../whatsapp/cloud-api-error'
import type { CloudApiSendResponse } from '../../whatsapp/cloud-api-request'
import { exactly } from '../exact'
import { timestamp } from './primitives'

export const whatsappHandoff = exactly<WhatsAppHandoff>()(
  z.object({
    url: z.string().meta({ description: '`https://wa.me/<digits>?text=<prefilled text carrying the code>`.' }),
    code: z
      .string()
      .regex(/^PC-[0-9A-HJKMNP-TV-Z]{8}$/)
      .meta({ description: 'Single-use code (8 characters of Crockford’s base32, 40 bits) the customer’s first WhatsApp message carries.' }),
    expiresAt: timestamp,
  }),
)

/** `POST /v1/webhooks/whatsapp` answer. */
export const whatsappWebhookReceipt = exactly<{ received: true }>()(z.object({ received: z.literal(true) }))

const deliveryStatus = z.enum(['accepted', 'sent', 'delivered', 'read', 'failed'])

/** The Graph API send as it was received: Meta's shape, kept open (Paychat sends text, template and interactive). */
const graphSendRequest = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  to: z.string(),
  type: z.enum(['text', 'template', 'interactive']),
})

/** What the simulated Cloud API sent on the business's behalf (`GET /v1/mock/whatsapp/outbox`). */
export const outboundWhatsApp = exactly<Omit<OutboundWhatsApp, 'request'>>()(
  z.object({
    id: z.string().meta({ description: "The Cloud API's message id (`wamid…`), which status webhooks refer to." }),
    messageId: z.string().nullable(),
    to: z.string(),
    brandId: z.string(),
    conversationId: z.string(),
    type: z.enum(['text', 'template', 'interactive']),
    text: z.string(),
    pricing: z.object({
      billable: z.boolean(),
      pricing_model: z.literal('PMP'),
      type: z.enum(['regular', 'free_customer_service']),
      category: z.enum(['marketing', 'utility', 'authentication', 'service']),
    }),
    status: deliveryStatus,
    createdAt: timestamp,
  }),
).extend({ request: graphSendRequest })

/** Graph's answer to an accepted send. */
export const graphSendResponse = exactly<CloudApiSendResponse>()(
  z.object({
    messaging_product: z.literal('whatsapp'),
    contacts: z.array(z.object({ input: z.string(), wa_id: z.string() })),
    messages: z.array(z.object({ id: z.string(), message_status: z.literal('accepted') })),
  }),
)

/** Meta's error envelope, exactly as the Graph API sends it. */
export const graphError = exactly<CloudApiErrorBody>()(
  z.object({
    error: z.object({
      message: z.string(),
      type: z.string(),
      code: z.number().int(),
      error_data: z.object({ messaging_product: z.literal('whatsapp'), details: z.string() }),
      fbtrace_id: z.string(),
    }),
  }),
)
