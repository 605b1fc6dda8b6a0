import type { Transaction } from '../protocol/types'
import { newId } from './ids'
import type { ServerState } from './state'

/** Records one attempt in its conversation's history and tells the operators. */
export function recordTransaction(state: ServerState, conversationId: string, input: Omit<Transaction, 'id' | 'at'>): Transaction {
  const transaction: Transaction = { id: newId('txn'), ...input, at: state.clock.iso() }
  const history = state.transactions.get(conversationId) ?? []
  history.push(transaction)
  state.transactions.set(conversationId, history)
  state.events.emitToOperators({ type: 'transaction.recorded', conversationId, transaction })
  return transaction
}

export function transactionsOf(state: ServerState, conversationId: string): Transaction[] {
  return structuredClone(state.transactions.get(conversationId) ?? [])
}
