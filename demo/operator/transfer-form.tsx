import { useState } from 'preact/hooks'
import type { ConversationSummary, OperatorProfile } from '../../src/protocol/types'
import { FormError } from './form-error'
import { t } from './i18n'
import { useAction } from './use-action'

interface TransferFormProps {
  conversation: ConversationSummary
  /** Every operator; null while being read. Only those of the conversation's brand are offered. */
  operators: OperatorProfile[] | null
  onTransfer(operatorId: string): Promise<unknown>
}

/** Who looks after the conversation, and handing it to someone else (its history goes with it). */
export function TransferForm({ conversation, operators, onTransfer }: TransferFormProps) {
  const [operatorId, setOperatorId] = useState('')
  const transfer = useAction()
  const others = operators?.filter((o) => o.id !== conversation.assignee?.id && o.brandIds.includes(conversation.brandId)) ?? []
  const chosen = others.some((o) => o.id === operatorId) ? operatorId : ''
  // The sentence around the assignee's name, which is set in bold.
  const [beforeName, afterName] = t('assignedTo').split('{name}')

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
            {beforeName}
            <strong dir="auto">{conversation.assignee.name}</strong>
            {afterName}
          </>
        ) : (
          t('unassigned')
        )}
      </p>
      <label for="transfer-to">{t('transferTo')}</label>
      <select id="transfer-to" value={chosen} disabled={!others.length} onChange={(e) => setOperatorId(e.currentTarget.value)}>
        <option value="">{operators ? t('chooseOperator') : t('loadingOption')}</option>
        {others.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary" disabled={!chosen || transfer.busy}>
        {t('transfer')}
      </button>
      <FormError message={transfer.error} />
    </form>
  )
}
