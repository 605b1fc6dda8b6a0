import type { WhatsAppContact } from '../../src/protocol/types'

/**
 * Milliseconds of free text left before WhatsApp's 24-hour window closes; 0 once closed. Read
 * against this machine's clock: the server, which refuses free text with 422 window_closed, decides.
 */
export function windowLeftMs(contact: WhatsAppContact, now = Date.now()): number {
  return Math.max(0, Date.parse(contact.windowClosesAt) - now)
}

/** True when the conversation is on WhatsApp and only a template may be sent now. */
export function needsTemplate(contact: WhatsAppContact | null, now = Date.now()): boolean {
  return contact !== null && windowLeftMs(contact, now) === 0
}
