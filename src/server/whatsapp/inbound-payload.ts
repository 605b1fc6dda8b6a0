import { ApiFailure } from '../api-error'
import { newId } from '../ids'
import type { ServerState } from '../state'
import { webhookEnvelope } from './webhook-envelope'
import type { WebhookPayload } from './webhook-payload'

/** A real-format Cloud API delivery of one text message, as Meta would send it. */
export function inboundPayload(
  state: ServerState,
  input: { from: string; name?: string | undefined; text: string; to?: string | undefined },
): WebhookPayload {
  const brand = [...state.brands.values()].find((b) => b.whatsappNumber && (!input.to || b.whatsappNumber === input.to))
  if (!brand?.whatsappNumber) throw new ApiFailure(422, 'whatsapp_unavailable', 'No brand takes WhatsApp on that number.', 'to')
  return webhookEnvelope(brand.whatsappNumber, {
    contacts: [{ wa_id: input.from, profile: { name: input.name ?? input.from } }],
    messages: [
      {
        id: newId('wamid'),
        from: input.from,
        timestamp: String(Math.floor(state.clock.now() / 1000)),
        type: 'text',
        text: { body: input.text },
      },
    ],
  })
}
