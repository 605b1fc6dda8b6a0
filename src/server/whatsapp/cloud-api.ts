import { newId } from '../ids'
import type { OutboundWhatsApp, ServerState, WhatsAppContactRecord } from '../state'

/** The simulated Cloud API's send: recorded in the outbox the mock controls expose. */
export function sendWhatsAppText(
  state: ServerState,
  contact: WhatsAppContactRecord,
  messageId: string,
  text: string,
  type: OutboundWhatsApp['type'] = 'text',
): OutboundWhatsApp {
  const message: OutboundWhatsApp = {
    id: newId('wamid'),
    messageId,
    to: contact.id,
    brandId: contact.brandId,
    conversationId: contact.conversationId,
    type,
    text,
    status: 'accepted',
    createdAt: state.clock.iso(),
  }
  state.whatsappOutbox.push(message)
  return message
}
