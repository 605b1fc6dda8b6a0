import type { Message } from '../protocol/types'
import type { ChatMessage } from './types'

// Object.assign, not spread: V8 gives `{ ...message, more }` a slow property layout here, which made
// every scan of a long list (a lookup per event) some 30 times slower (see bench/store-cost.ts).
export const toChatMessage = (message: Message): ChatMessage => Object.assign({}, message, { sendStatus: 'sent' as const, sendError: null })

/**
 * Where `message` already is: the same id, or an entry with its clientId (the own copy shown while
 * sending). Searched from the end, where echoes and replays of recent messages land.
 */
export function findMessage(list: readonly ChatMessage[], message: Pick<Message, 'id' | 'clientId'>): number {
  for (let i = list.length - 1; i >= 0; i--) {
    const entry = list[i]!
    if (entry.id === message.id || (message.clientId !== null && entry.clientId === message.clientId)) return i
  }
  return -1
}

/**
 * Adds a server message to the list, oldest first, without ever duplicating it: a replay of a known
 * message returns the same list; the server copy of an own message takes that message's place (so it
 * does not jump); anything new goes before the own unconfirmed messages at the end, in `createdAt` order.
 * Copies the array once and nothing else.
 */
export function mergeMessage(list: readonly ChatMessage[], message: Message): ChatMessage[] {
  const index = findMessage(list, message)
  const existing = list[index]
  if (existing) {
    if (existing.sendStatus === 'sent') return list as ChatMessage[]
    const next = list.slice()
    next[index] = toChatMessage(message)
    return next
  }
  let at = list.length
  while (at > 0) {
    const before = list[at - 1]!
    if (before.sendStatus === 'sent' && before.createdAt <= message.createdAt) break
    at--
  }
  if (at === list.length) return [...list, toChatMessage(message)]
  const next = list.slice()
  next.splice(at, 0, toChatMessage(message))
  return next
}

/** `mergeMessage` for a batch (a page of history). */
export function mergeMessages(list: readonly ChatMessage[], messages: readonly Message[]): ChatMessage[] {
  if (list.length === 0) return messages.map(toChatMessage)
  return messages.reduce<ChatMessage[]>(mergeMessage, list as ChatMessage[])
}
