import type { WhatsAppHandoff } from '../../protocol/types'
import { ApiFailure } from '../api-error'
import type { ServerState } from '../state'

/** How long a handoff code waits for the customer's first WhatsApp message. */
export const HANDOFF_CODE_LIFETIME_MS = 30 * 60_000
/** wa.me prefills at most this much text comfortably on every phone. */
const MAX_PREFILL = 140
/**
 * Crockford's base32: 8 characters are 40 bits, and a byte maps onto it without bias. No I, L, O or U;
 * a customer who retypes the code and writes O for 0, or I or L for 1, is read as meant.
 */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_LENGTH = 8
const CODE_PATTERN = /\bPC-([0-9A-Z]{8})\b/i
/** A sender whose messages carried this many unknown codes within `GUESS_WINDOW_MS`… */
export const MAX_UNKNOWN_CODES = 5
/** …links nothing by code for as long again after the last of them. */
export const GUESS_WINDOW_MS = 60 * 60_000

function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH))
  return `PC-${Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')}`
}

/** The code as issued, from what the customer sent: upper case, O read as 0, I and L as 1. */
function normalCode(typed: string): string {
  return `PC-${typed.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1')}`
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

/**
 * The conversation a message's code hands off, once: used, expired or unknown codes give null. Each
 * code that links nothing counts against its sender; with `MAX_UNKNOWN_CODES` of them in the last
 * `GUESS_WINDOW_MS`, the sender links nothing by code (a guesser cannot take over someone's chat),
 * and its messages land in its own conversation as any other would.
 */
export function redeemCode(state: ServerState, text: string, brandId: string, senderId: string): string | null {
  const match = CODE_PATTERN.exec(text)
  if (!match) return null
  const now = state.clock.now()
  const entry = state.handoffCodes.get(normalCode(match[1]!))
  const live = entry && !entry.used && entry.expiresAt > now && state.conversations.get(entry.conversationId)?.brandId === brandId
  const guesses = state.handoffGuesses.get(senderId) ?? { unknownAt: [], lockedUntil: 0 }
  if (live && now >= guesses.lockedUntil) {
    entry.used = true
    return entry.conversationId
  }
  if (!live) {
    guesses.unknownAt = [...guesses.unknownAt.filter((at) => at > now - GUESS_WINDOW_MS), now]
    if (guesses.unknownAt.length >= MAX_UNKNOWN_CODES) guesses.lockedUntil = now + GUESS_WINDOW_MS
    state.handoffGuesses.set(senderId, guesses)
  }
  return null
}
