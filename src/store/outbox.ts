import type { ChatError } from './chat-error'
import type { ChatMessage, KeyValueStorage } from './types'

/** An own message the server has not confirmed, as kept across reloads. */
export interface OutboxEntry {
  clientId: string
  text: string
  createdAt: string
  /** Why the server refused it for good; the visitor edits or deletes it. */
  rejected: ChatError | null
}

export const outboxKey = (widgetKey: string): string => `paychat:${widgetKey}:outbox`

/** The saved outbox; empty when there is none or it cannot be read (blocked storage, foreign data). */
export function readOutbox(storage: KeyValueStorage | null, widgetKey: string): OutboxEntry[] {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(outboxKey(widgetKey)) ?? '[]')
    return Array.isArray(raw) ? raw.filter(isEntry).map(fromEarlierRelease) : []
  } catch {
    return []
  }
}

/** An own message as shown from an outbox entry. */
export function fromOutbox(entry: OutboxEntry): ChatMessage {
  return {
    id: `local_${entry.clientId}`,
    conversationId: '',
    clientId: entry.clientId,
    type: 'text',
    author: { role: 'visitor', name: null },
    text: entry.text,
    paymentRequest: null,
    createdAt: entry.createdAt,
    sendStatus: entry.rejected === null ? 'sending' : 'failed',
    sendError: entry.rejected,
  }
}

/** The own unconfirmed messages of a list, in order, as outbox entries. */
export function outboxOf(messages: readonly ChatMessage[]): OutboxEntry[] {
  const entries: OutboxEntry[] = []
  for (const m of messages) {
    if (m.sendStatus === 'sent' || !m.clientId) continue
    entries.push({ clientId: m.clientId, text: m.text, createdAt: m.createdAt, rejected: m.sendStatus === 'failed' ? m.sendError : null })
  }
  return entries
}

/** Writes the outbox; returns what was written so an unchanged one is not written again. */
export function saveOutbox(storage: KeyValueStorage | null, widgetKey: string, entries: OutboxEntry[]): string {
  const raw = JSON.stringify(entries)
  try {
    if (entries.length) storage?.setItem(outboxKey(widgetKey), raw)
    else storage?.removeItem(outboxKey(widgetKey))
  } catch {
    // Full or blocked storage: messages still go out from memory, they just will not survive a reload.
  }
  return raw
}

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as Partial<OutboxEntry> | null
  return (
    typeof entry?.clientId === 'string' &&
    /^[A-Za-z0-9_-]{1,64}$/.test(entry.clientId) &&
    typeof entry.text === 'string' &&
    typeof entry.createdAt === 'string' &&
    (entry.rejected === null || typeof entry.rejected === 'string' || typeof (entry.rejected as Partial<ChatError> | undefined)?.code === 'string')
  )
}

/** Releases before error codes saved the refusal as an English sentence: it reads as a refusal with no more said. */
function fromEarlierRelease(entry: OutboxEntry): OutboxEntry {
  return typeof entry.rejected === 'string' ? { ...entry, rejected: { code: 'send_failed', retryable: false } } : entry
}
