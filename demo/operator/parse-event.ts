import type { OperatorEvent } from '../../src/protocol/types'

const TYPES = new Set<string>([
  'message.created',
  'payment_request.updated',
  'conversation.created',
  'conversation.handed_off',
  'message.delivery_updated',
  'conversation.transferred',
  'transaction.recorded',
])

/** An SSE frame as an operator event, or null for a type this console does not know or bad JSON. */
export function parseOperatorEvent(type: string, data: string): OperatorEvent | null {
  if (!TYPES.has(type)) return null
  try {
    const event = JSON.parse(data) as OperatorEvent
    return event && event.type === type ? event : null
  } catch {
    return null
  }
}
