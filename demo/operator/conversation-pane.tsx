import { useEffect, useRef, useState } from 'preact/hooks'
import type {
  ConversationSummary,
  Message,
  OperatorProfile,
  PaymentPage,
  PaymentRequest,
  Transaction,
  WhatsAppContact,
} from '../../src/protocol/types'
import { CannedReplyChooser } from './canned-reply-chooser'
import { timeLabel, visitorLabel } from './format'
import { formatNumber, t } from './i18n'
import { MessageItem } from './message-item'
import type { OperatorApi } from './operator-api'
import type { OnCardAction } from './payment-card'
import { ReplyForm } from './reply-form'
import { ShareCardForm, type ShareCardFormProps } from './share-card-form'
import { TemplatePicker } from './template-picker'
import { TransactionHistory } from './transaction-history'
import { TransferForm } from './transfer-form'
import { needsTemplate, windowLeftMs } from './whatsapp-window'

interface ConversationPaneProps {
  /** For the composer's tools, which read templates and canned replies themselves. */
  api: OperatorApi
  conversation: ConversationSummary
  brandName: string
  messages: Message[] | undefined
  hasMore: boolean
  requests: Record<string, PaymentRequest>
  pages: PaymentPage[] | undefined
  onLoadEarlier(): void
  onReply(text: string): Promise<boolean>
  onShare: ShareCardFormProps['onShare']
  onCardAction: OnCardAction
  /** The conversation's payment attempts, oldest first; `historyLoaded` once read from the server. */
  transactions: Transaction[]
  historyLoaded: boolean
  historyOpen: boolean
  onToggleHistory(): void
  operators: OperatorProfile[] | null
  onTransfer(operatorId: string): Promise<unknown>
  /** A template went out: into the thread like a reply (and the credits changed). */
  onTemplateSent(message: Message): void
}

export function ConversationPane(props: ConversationPaneProps) {
  const { conversation, messages } = props
  const list = useRef<HTMLOListElement>(null)
  const [draft, setDraft] = useState('')
  const templateOnly = needsTemplate(conversation.whatsapp)
  // Outside the window a template is the only way to write, so the picker starts open there.
  const [pickerOpen, setPickerOpen] = useState(templateOnly)
  const lastId = messages?.at(-1)?.id
  // Follow the newest message, as a chat does; loading older ones (the first id changes) does not scroll.
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView?.({ block: 'end' })
  }, [lastId, conversation.id])

  return (
    <section class="conversation" aria-labelledby="conversation-title">
      <header class="conversation-header">
        <div class="conversation-heading">
          <h2 id="conversation-title" dir="auto">
            {visitorLabel(conversation.visitorName ?? conversation.whatsapp?.profileName ?? null, conversation.visitorId)}
          </h2>
          <p>{t('startedAt', { brand: props.brandName, time: timeLabel(conversation.createdAt) })}</p>
          {conversation.whatsapp && <WindowStatus contact={conversation.whatsapp} />}
        </div>
        <TransferForm conversation={conversation} operators={props.operators} onTransfer={props.onTransfer} />
      </header>
      <TransactionHistory
        transactions={props.transactions}
        loaded={props.historyLoaded}
        requests={props.requests}
        open={props.historyOpen}
        onToggle={props.onToggleHistory}
      />
      <div class="thread">
        {props.hasMore && (
          <button type="button" class="load-earlier" onClick={props.onLoadEarlier}>
            {t('loadEarlier')}
          </button>
        )}
        {!messages ? (
          <p class="empty" role="status">
            {t('loadingMessages')}
          </p>
        ) : (
          // The log wraps the list: `role="log"` on the <ol> itself would take its list semantics from its items.
          <div role="log" aria-label={t('messages')}>
            <ol class="messages" ref={list}>
              {messages.map((message) => (
                <MessageItem
                  key={message.id}
                  message={message}
                  request={message.paymentRequest ? (props.requests[message.paymentRequest.id] ?? message.paymentRequest) : null}
                  onCardAction={props.onCardAction}
                />
              ))}
            </ol>
          </div>
        )}
      </div>
      <div class="composer">
        <ReplyForm
          text={draft}
          onTextChange={setDraft}
          onSend={props.onReply}
          needsTemplate={templateOnly}
          onChooseTemplate={() => setPickerOpen(true)}
        />
        <div class="composer-tools">
          <CannedReplyChooser
            api={props.api}
            conversationId={conversation.id}
            brandId={conversation.brandId}
            onInsert={(text) => {
              // Added after what is already typed, never over it.
              setDraft((typed) => (typed.trim() ? `${typed.trimEnd()}\n${text}` : text))
              document.getElementById('reply')?.focus()
            }}
          />
          <button
            type="button"
            class="secondary"
            aria-expanded={pickerOpen}
            aria-controls={pickerOpen ? 'template-picker' : undefined}
            onClick={() => setPickerOpen((open) => !open)}
          >
            {t(pickerOpen ? 'hideTemplatePicker' : 'useTemplate')}
          </button>
        </div>
        {pickerOpen && (
          <div id="template-picker">
            <TemplatePicker api={props.api} conversation={conversation} onSent={props.onTemplateSent} />
          </div>
        )}
        <ShareCardForm
          api={props.api}
          brandId={conversation.brandId}
          pages={props.pages}
          templateOnly={templateOnly}
          onShare={props.onShare}
        />
      </div>
    </section>
  )
}

/** WhatsApp only takes free text for 24 h after the customer's last message; say how long is left. */
function WindowStatus({ contact }: { contact: WhatsAppContact }) {
  const left = windowLeftMs(contact)
  if (left === 0) return <p class="window-closed">{t('windowClosed')}</p>
  const hours = formatNumber(Math.floor(left / 3_600_000))
  const minutes = formatNumber(Math.floor((left % 3_600_000) / 60_000))
  return <p class="window-open">{t('windowOpen', { duration: t('hoursMinutes', { hours, minutes }) })}</p>
}
