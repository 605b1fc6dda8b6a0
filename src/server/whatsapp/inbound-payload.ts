import { ApiFailure } from '../api-error'
import { newId } from '../ids'
import type { ServerState } from '../state'
import type { WebhookPayload } from './webhook-payload'

/** A real-format Cloud API delivery of one text message, as Meta would send it. */
export function inboundPayload(
  state: ServerState,
  input: { from: string; name?: string | undefined; text: string; to?: string | undefined },
): WebhookPayload {
  const brand = [...state.brands.values()].find((b) => b.whatsappNumber && (!input.to || b.whatsappNumber === input.to))
  if (!brand?.whatsappNumber) throw new ApiFailure(422, 'whatsapp_unavailable', 'No brand takes WhatsApp on that number.', 'to')
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
              metadata: { display_phone_number: brand.whatsappNumber, phone_number_id: 'pn_demo' },
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
            },
          },
        ],
      },
    ],
  }
}
