import type { ConversationSummary } from '../../src/protocol/types'
import { messagePreview, shortTimeLabel, visitorLabel } from './format'
import { t } from './i18n'

interface ConversationListProps {
  conversations: ConversationSummary[]
  brandNames: Record<string, string>
  selectedId: string | null
  onSelect(id: string): void
}

/** Newest first (the order the state keeps); each row is a button named by the visitor and last message, with who owns it. */
export function ConversationList({ conversations, brandNames, selectedId, onSelect }: ConversationListProps) {
  if (conversations.length === 0) return <p class="empty">{t('noConversations')}</p>
  return (
    <ul class="conversation-list">
      {conversations.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            class="conversation-row"
            aria-current={c.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(c.id)}
          >
            <span class="row-top">
              <span class="row-name" dir="auto">{visitorLabel(c.visitorName ?? c.whatsapp?.profileName ?? null, c.visitorId)}</span>
              <span class="row-time">{shortTimeLabel(c.updatedAt)}</span>
            </span>
            <span class="row-preview" dir="auto">
              {messagePreview(c.lastMessage)}
            </span>
            <span class="row-bottom">
              <span class="row-brand">
                {brandNames[c.brandId] ?? c.brandId}
                {c.channel === 'whatsapp' && ' · WhatsApp'}
              </span>{' '}
              <span class={c.assignee ? 'row-assignee' : 'row-assignee unassigned'}>
                {c.assignee ? t('assignedTo', { name: c.assignee.name }) : t('unassigned')}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
