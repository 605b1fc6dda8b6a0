import { z } from 'zod'
import type { ConversationEvent, OperatorEvent, ReplayIncompleteEvent } from '../../../protocol/types'
import { exactly } from '../exact'
import { transaction } from './catalog'
import { conversation, operator } from './conversation'
import { message, messageDelivery } from './message'
import { paymentRequest } from './payment-request'

/** The `data:` of each SSE event (its `event:` is the `type`). */
const conversationEvents = [
  z.object({ type: z.literal('message.created'), conversationId: z.string(), message }),
  z.object({ type: z.literal('payment_request.updated'), conversationId: z.string(), paymentRequest }),
  z.object({ type: z.literal('conversation.handed_off'), conversationId: z.string(), channel: z.literal('whatsapp') }),
] as const

export const conversationEvent = exactly<ConversationEvent>()(z.discriminatedUnion('type', [...conversationEvents]))

export const replayIncompleteEvent = exactly<ReplayIncompleteEvent>()(
  z
    .object({ type: z.literal('replay.incomplete'), conversationId: z.string() })
    .meta({ description: 'Sent without an id instead of a replay the server can no longer give: refetch the messages.' }),
)

export const operatorEvent = exactly<OperatorEvent>()(
  z.discriminatedUnion('type', [
    ...conversationEvents,
    z.object({ type: z.literal('conversation.created'), conversationId: z.string(), conversation }),
    z.object({ type: z.literal('conversation.transferred'), conversationId: z.string(), assignee: operator }),
    z.object({ type: z.literal('transaction.recorded'), conversationId: z.string(), transaction }),
    z.object({ type: z.literal('message.delivery_updated'), conversationId: z.string(), messageId: z.string(), delivery: messageDelivery }),
  ]),
)
