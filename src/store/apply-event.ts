import type { ConversationEvent } from '../protocol/types'
import { mergeCard } from './merge-card'
import { mergeMessage } from './merge-messages'
import type { ChatState } from './types'

export type EventSlice = Pick<ChatState, 'messages' | 'cards'>

/** The messages and cards after one event; the very same slice when the event changes nothing. */
export function applyEvent(state: EventSlice, event: ConversationEvent): EventSlice {
  switch (event.type) {
    case 'message.created': {
      const { message } = event
      const messages = mergeMessage(state.messages, message)
      const cards = message.paymentRequest ? mergeCard(state.cards, message.paymentRequest) : state.cards
      return messages === state.messages && cards === state.cards ? state : { messages, cards }
    }
    case 'payment_request.updated': {
      const cards = mergeCard(state.cards, event.paymentRequest)
      return cards === state.cards ? state : { messages: state.messages, cards }
    }
    default:
      // An event type from a newer server: nothing to show for it yet.
      return state
  }
}
