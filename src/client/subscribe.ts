import type { KyInstance } from 'ky'
import type { ConversationEvent, ReplayIncompleteEvent } from '../protocol/types'
import { openEventStream } from './event-stream'
import type { SseMessage } from './sse-parser'
import type { SubscribeOptions, Subscription } from './types'

/** A conversation's event stream: each event's data parsed, anything that is not an event skipped. */
export function subscribeToConversation(http: KyInstance, path: string, options: SubscribeOptions): Subscription {
  return openEventStream(http, path, {
    lastEventId: options.lastEventId,
    onMessage(message, id) {
      const event = parseEvent(message)
      if (event) options.onEvent(event, id)
    },
    onStatus: options.onStatus,
    onError: options.onError,
  })
}

function parseEvent(message: SseMessage): ConversationEvent | ReplayIncompleteEvent | null {
  try {
    const event = JSON.parse(message.data) as ConversationEvent | ReplayIncompleteEvent | null
    return event && typeof event === 'object' && typeof event.type === 'string' ? event : null
  } catch {
    return null
  }
}
