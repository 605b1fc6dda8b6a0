import type { WhatsAppHandoff } from '../../protocol/types'
import { ApiFailure } from '../api-error'
import type { ServerState } from '../state'

/** How long a handoff code waits for the customer's first WhatsApp message. */
export const HANDOFF_CODE_LIFETIME_MS = 30 * 60_000
/** wa.me prefills at most this much text comfortably on every phone. */
const MAX_PREFILL = 140
// No 0/O or 1/I/L: the customer may retype the code.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_PATTERN = /\bPC-([2-9A-HJ-KMNP-Z]{6})\b/i

function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6))
  return `PC-${Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')}`
}

/** A single-use code and the `wa.me` link whose prefilled text carries it. */
export function issueHandoff(state: ServerState, conversationId: string, brandId: string): WhatsAppHandoff {
  const brand = state.brands.get(brandId)!
  if (!brand.whatsappNumber) {
    throw new ApiFailure(422, 'whatsapp_unavailable', `${brand.name} does not take WhatsApp messages.`)
  }
  let code = newCode()
  while (state.handoffCodes.has(code)) code = newCode()
  const expiresAt = state.clock.now() + HANDOFF_CODE_LIFETIME_MS
  state.handoffCodes.set(code, { conversationId, expiresAt, used: false })
  const text = `Hi ${brand.name}! I'd like to continue our chat here. (code ${code})`.slice(0, MAX_PREFILL)
  return {
    url: `https://wa.me/${brand.whatsappNumber}?text=${encodeURIComponent(text)}`,
    code,
    expiresAt: new Date(expiresAt).toISOString(),
  }
}

/** The conversation a message's code hands off, once: used, expired or unknown codes give null. */
export function redeemCode(state: ServerState, text: string, brandId: string): string | null {
  const match = CODE_PATTERN.exec(text)
  if (!match) return null
  const code = `PC-${match[1]!.toUpperCase()}`
  const entry = state.handoffCodes.get(code)
  if (!entry || entry.used || entry.expiresAt <= state.clock.now()) return null
  if (state.conversations.get(entry.conversationId)?.brandId !== brandId) return null
  entry.used = true
  return entry.conversationId
}
