import { useState } from 'preact/hooks'
import type { ConversationSummary, Operator } from '../../src/protocol/types'
import { FormError } from './form-error'
import { useAction } from './use-action'

interface TransferFormProps {
  conversation: ConversationSummary
  /** Everyone who can own a conversation; null while being read. */
  operators: Operator[] | null
  onTransfer(operatorId: string): Promise<unknown>
}

/** Who looks after the conversation, and handing it to someone else (its history goes with it). */
export function TransferForm({ conversation, operators, onTransfer }: TransferFormProps) {
  const [operatorId, setOperatorId] = useState('')
  const transfer = useAction()
  const others = operators?.filter((o) => o.id !== conversation.assignee?.id) ?? []
  const chosen = others.some((o) => o.id === operatorId) ? operatorId : ''

  return (
    <form
      class="transfer-form"
      onSubmit={async (event) => {
        event.preventDefault()
        if (!chosen || transfer.busy) return
        if (await transfer.run(() => onTransfer(chosen))) setOperatorId('')
      }}
    >
      <p class="assignee">
        {conversation.assignee ? (
          <>
            Assigned to <strong>{conversation.assignee.name}</strong>
          </>
        ) : (
          'Unassigned'
        )}
      </p>
      <label for="transfer-to">Transfer to…</label>
      <select id="transfer-to" value={chosen} disabled={!others.length} onChange={(e) => setOperatorId(e.currentTarget.value)}>
        <option value="">{operators ? 'Choose an operator' : 'Loading…'}</option>
        {others.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary" disabled={!chosen || transfer.busy}>
        Transfer
      </button>
      <FormError message={transfer.error} />
    </form>
  )
}
