import type { ConversationSummary } from '../protocol/types'
import { assigneeOf, reaches } from './access'
import { ApiFailure } from './api-error'
import { addMessage, conversationById, conversationSummaries } from './conversations'
import type { ServerState } from './state'

/**
 * Hands the conversation to another operator. Its messages, cards and transaction history are the
 * conversation's, not the operator's, so they all go with it; the visitor is told who took over. Only
 * an operator of the conversation's brand can take it.
 */
export function transferConversation(state: ServerState, conversationId: string, operatorId: string): ConversationSummary {
  const operator = state.operators.get(operatorId)
  if (!operator || !reaches(operator, conversationById(state, conversationId))) {
    throw new ApiFailure(422, 'unknown_operator', 'No operator of this conversation’s brand with that id.', 'operatorId')
  }
  if (state.assignments.get(conversationId) !== operator.id) {
    state.assignments.set(conversationId, operator.id)
    addMessage(state, conversationId, {
      author: { role: 'system', name: null },
      text: `${operator.name} is now looking after this conversation.`,
    })
    state.events.emitToOperators({ type: 'conversation.transferred', conversationId, assignee: assigneeOf(operator) })
  }
  return conversationSummaries(state).find((c) => c.id === conversationId)!
}
