import type { WhatsAppContact } from '../../protocol/types'
import type { ServerState, WhatsAppContactRecord } from '../state'

/** Free text is allowed for 24 hours after the customer's last message, then only templates. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3_600_000

export function contactRecordOf(state: ServerState, conversationId: string): WhatsAppContactRecord | null {
  for (const contact of state.whatsappContacts.values()) if (contact.conversationId === conversationId) return contact
  return null
}

export function whatsappContactOf(state: ServerState, conversationId: string): WhatsAppContact | null {
  const contact = contactRecordOf(state, conversationId)
  if (!contact) return null
  return {
    id: contact.id,
    profileName: contact.profileName,
    lastInboundAt: new Date(contact.lastInboundAt).toISOString(),
    windowClosesAt: new Date(contact.lastInboundAt + CUSTOMER_SERVICE_WINDOW_MS).toISOString(),
  }
}
