import { z } from 'zod'

/**
 * The body of `POST /{version}/{phone-number-id}/messages` on Meta's Graph API, for the message types
 * Paychat sends: text, template, and an interactive call-to-action URL button (a card's Pay link).
 */
const textParameter = z.object({ type: z.literal('text'), text: z.string(), parameter_name: z.string().optional() })
// Other parameter types exist (currency, date_time, image…); they are accepted here so the
// simulator can refuse them the way Meta does (132012), not as a malformed request.
const parameter = z.union([textParameter, z.object({ type: z.string() }).loose()])

const templateComponent = z.object({
  type: z.enum(['header', 'body', 'button']),
  sub_type: z.enum(['url', 'quick_reply', 'phone_number']).optional(),
  index: z.union([z.string(), z.number()]).optional(),
  parameters: z.array(parameter).default([]),
})

export const cloudApiSendRequest = z.discriminatedUnion('type', [
  z.object({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').optional(),
    to: z.string().min(1),
    type: z.literal('text'),
    text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
  }),
  z.object({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').optional(),
    to: z.string().min(1),
    type: z.literal('template'),
    template: z.object({
      name: z.string().min(1),
      language: z.object({ code: z.string().min(1) }),
      components: z.array(templateComponent).default([]),
    }),
  }),
  z.object({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').optional(),
    to: z.string().min(1),
    type: z.literal('interactive'),
    interactive: z.object({
      type: z.literal('cta_url'),
      body: z.object({ text: z.string().min(1).max(1024) }),
      action: z.object({
        name: z.literal('cta_url'),
        parameters: z.object({ display_text: z.string().min(1).max(20), url: z.url() }),
      }),
    }),
  }),
])

export type CloudApiSendRequest = z.input<typeof cloudApiSendRequest>
export type CloudApiTemplateComponent = z.input<typeof templateComponent>

/** Graph's answer to an accepted send. */
export interface CloudApiSendResponse {
  messaging_product: 'whatsapp'
  contacts: Array<{ input: string; wa_id: string }>
  messages: Array<{ id: string; message_status: 'accepted' }>
}
