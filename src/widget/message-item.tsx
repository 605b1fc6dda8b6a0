import type { ChatMessage } from '../store/types'
import { CardSlot } from './card-slot'
import { errorText } from './error-text'
import { TemplateMessage } from './template-message'
import { useWidget } from './widget-context'

/** One line of the conversation. Text goes in as a text node: never parsed as HTML. */
export function MessageItem({ message }: { message: ChatMessage }) {
  const { store, t } = useWidget()
  const { role, name } = message.author

  if (message.type === 'payment_request' && message.paymentRequest) {
    return (
      <li class="pc-row pc-row-card">
        <CardSlot fallback={message.paymentRequest} />
      </li>
    )
  }
  if (role === 'system') return <li class="pc-row pc-system">{message.text}</li>

  const own = role === 'visitor'
  const { clientId } = message
  return (
    <li class={`pc-row ${own ? 'pc-own' : 'pc-their'}`}>
      {!own && name && <span class="pc-author" dir="auto">{name}</span>}
      {message.template ? <TemplateMessage template={message.template} /> : <p class="pc-bubble" dir="auto">{message.text}</p>}
      {own && message.sendStatus === 'sending' && <span class="pc-meta">{t('sending')}</span>}
      {own && message.sendStatus === 'sent' && <span class="pc-meta">{t('sent')}</span>}
      {own && message.sendStatus === 'queued' && clientId && (
        <span class="pc-meta" title={message.sendError ? errorText(message.sendError, t) : undefined}>
          {t('queued')}{' '}
          <button type="button" class="pc-link" onClick={() => store.getState().retry(clientId)}>
            {t('retry')}
          </button>
        </span>
      )}
      {own && message.sendStatus === 'failed' && clientId && (
        <span class="pc-meta pc-failed" role="alert">
          {t('failed')}
          {message.sendError && `: ${errorText(message.sendError, t)}`}{' '}
          <button type="button" class="pc-link" onClick={() => store.getState().edit(clientId)}>
            {t('edit')}
          </button>{' '}
          <button type="button" class="pc-link" onClick={() => store.getState().discard(clientId)}>
            {t('delete')}
          </button>
        </span>
      )}
    </li>
  )
}
