import type { DeliveryStatus, MessageDelivery } from '../../protocol/types'
import type { OutboundWhatsApp, ServerState } from '../state'
import type { WebhookPayload } from './webhook-payload'

type StatusUpdate = NonNullable<WebhookPayload['entry'][number]['changes'][number]['value']['statuses']>[number]

const PROGRESS: DeliveryStatus[] = ['accepted', 'sent', 'delivered', 'read']

/**
 * Applies one status webhook to the message it reports on. Webhooks may arrive out of order or twice:
 * a status never moves back (read stays read), and `failed` only follows a message not yet delivered.
 */
export function applyStatus(state: ServerState, update: StatusUpdate): void {
  const sent = state.whatsappOutbox.find((m) => m.id === update.id)
  if (!sent) return
  const next = update.status as DeliveryStatus
  const forward =
    next === 'failed'
      ? sent.status === 'accepted' || sent.status === 'sent'
      : PROGRESS.includes(next) && PROGRESS.indexOf(next) > PROGRESS.indexOf(sent.status)
  if (!forward) return
  sent.status = next
  const error = update.errors?.[0]
  recordDelivery(state, sent, {
    channel: 'whatsapp',
    status: next,
    updatedAt: state.clock.iso(),
    ...(next === 'failed' && error
      ? { error: { code: error.code, message: error.error_data?.details ?? error.message ?? error.title ?? 'Failed' } }
      : {}),
  })
}

/** Puts a delivery on the chat message an outbound WhatsApp message carries, and tells the operators. */
export function recordDelivery(state: ServerState, sent: OutboundWhatsApp, delivery: MessageDelivery): void {
  if (!sent.messageId) return
  const stored = state.messages.get(sent.conversationId)?.find((m) => m.id === sent.messageId)
  if (!stored) return
  stored.delivery = delivery
  state.events.emitToOperators({
    type: 'message.delivery_updated',
    conversationId: sent.conversationId,
    messageId: sent.messageId,
    delivery,
  })
}
