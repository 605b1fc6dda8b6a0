import { useEffect, useRef } from 'preact/hooks'
import type { ConversationSummary, Message, PaymentPage, PaymentRequest } from '../../src/protocol/types'
import { timeLabel, visitorLabel } from './format'
import { MessageItem } from './message-item'
import { ReplyForm } from './reply-form'
import { ShareCardForm } from './share-card-form'

interface ConversationPaneProps {
  conversation: ConversationSummary
  brandName: string
  messages: Message[] | undefined
  hasMore: boolean
  requests: Record<string, PaymentRequest>
  pages: PaymentPage[] | undefined
  onLoadEarlier(): void
  onReply(text: string): Promise<boolean>
  onShare(pageId: string): Promise<void>
  onRevoke(id: string): Promise<void>
}

export function ConversationPane(props: ConversationPaneProps) {
  const { conversation, messages } = props
  const list = useRef<HTMLOListElement>(null)
  const lastId = messages?.at(-1)?.id
  // Follow the newest message, as a chat does; loading older ones (the first id changes) does not scroll.
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView?.({ block: 'end' })
  }, [lastId, conversation.id])

  return (
    <section class="conversation" aria-labelledby="conversation-title">
      <header class="conversation-header">
        <h2 id="conversation-title">{visitorLabel(conversation.visitorName, conversation.visitorId)}</h2>
        <p>
          {props.brandName} · started {timeLabel(conversation.createdAt)}
        </p>
        {conversation.whatsapp && <WindowStatus closesAt={conversation.whatsapp.windowClosesAt} />}
      </header>
      <div class="thread">
        {props.hasMore && (
          <button type="button" class="load-earlier" onClick={props.onLoadEarlier}>
            Load earlier messages
          </button>
        )}
        {!messages ? (
          <p class="empty" role="status">
            Loading messages…
          </p>
        ) : (
          <ol class="messages" ref={list} role="log" aria-label="Messages">
            {messages.map((message) => (
              <MessageItem
                key={message.id}
                message={message}
                request={message.paymentRequest ? (props.requests[message.paymentRequest.id] ?? message.paymentRequest) : null}
                onRevoke={props.onRevoke}
              />
            ))}
          </ol>
        )}
      </div>
      <div class="composer">
        <ReplyForm key={conversation.id} onSend={props.onReply} />
        <ShareCardForm pages={props.pages} onShare={props.onShare} />
      </div>
    </section>
  )
}

/** WhatsApp only takes free text for 24 h after the customer's last message; say how long is left. */
function WindowStatus({ closesAt }: { closesAt: string }) {
  const left = Date.parse(closesAt) - Date.now()
  if (left <= 0) return <p class="window-closed">WhatsApp · window closed: only an approved template can be sent.</p>
  const hours = Math.floor(left / 3_600_000)
  const minutes = Math.floor((left % 3_600_000) / 60_000)
  return <p class="window-open">WhatsApp · free replies for {hours} h {minutes} min more</p>
}
