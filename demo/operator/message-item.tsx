import type { Message, MessageDelivery, PaymentRequest } from '../../src/protocol/types'
import type { ConsoleKey } from './catalogs/en'
import { authorLabel, timeLabel } from './format'
import { t } from './i18n'
import { type OnCardAction, PaymentCard } from './payment-card'
import { TemplateView } from './template-view'

interface MessageItemProps {
  message: Message
  /** The card's newest state from events, which beats the copy the message was read with. */
  request: PaymentRequest | null
  onCardAction: OnCardAction
}

/** One line of the thread. Text is rendered as text (never HTML): visitors type whatever they like. */
export function MessageItem({ message, request, onCardAction }: MessageItemProps) {
  return (
    <li class={`message message-${message.author.role}`}>
      <p class="message-meta">
        <bdi>{authorLabel(message)}</bdi> · <time dateTime={message.createdAt}>{timeLabel(message.createdAt)}</time>
        {message.delivery && <DeliveryBadge delivery={message.delivery} />}
      </p>
      {message.type === 'payment_request' && request ? (
        <PaymentCard request={request} onAction={onCardAction} />
      ) : message.type === 'template' && message.template ? (
        <TemplateView template={message.template} />
      ) : (
        <p class="message-text" dir="auto">
          {message.text}
        </p>
      )}
    </li>
  )
}

const DELIVERY_LABELS: Record<MessageDelivery['status'], ConsoleKey> = {
  accepted: 'deliveryAccepted',
  sent: 'deliverySent',
  delivered: 'deliveryDelivered',
  read: 'deliveryRead',
  failed: 'deliveryFailed',
}

/** The WhatsApp tick a business message has reached, with the Cloud API's reason when it failed. */
function DeliveryBadge({ delivery }: { delivery: MessageDelivery }) {
  return (
    <span class={`delivery delivery-${delivery.status}`} title={delivery.error?.message}>
      {' · '}
      {t(DELIVERY_LABELS[delivery.status])}
      {/* The Cloud API's own reason and code, as Meta's documentation names them. */}
      {delivery.error && `: ${delivery.error.message} (${delivery.error.code})`}
    </span>
  )
}
