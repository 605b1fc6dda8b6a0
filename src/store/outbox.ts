import type { ChatMessage, KeyValueStorage } from './types'

/** An own message the server has not confirmed, as kept across reloads. */
export interface OutboxEntry {
  clientId: string
  text: string
  createdAt: string
  /** Why the server refused it for good; the visitor edits or deletes it. */
  rejected: string | null
}

export const outboxKey = (widgetKey: string): string => `paychat:${widgetKey}:outbox`

/** The saved outbox; empty when there is none or it cannot be read (blocked storage, foreign data). */
export function readOutbox(storage: KeyValueStorage | null, widgetKey: string): OutboxEntry[] {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(outboxKey(widgetKey)) ?? '[]')
    return Array.isArray(raw) ? raw.filter(isEntry) : []
  } catch {
    return []
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
    (entry.rejected === null || typeof entry.rejected === 'string')
  )
}
