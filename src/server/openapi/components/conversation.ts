import { z } from 'zod'
import type { Conversation, ConversationSummary, Operator, OperatorProfile, WhatsAppContact } from '../../../protocol/types'
import { exactly } from '../exact'
import { message } from './message'
import { int, timestamp } from './primitives'

export const conversation = exactly<Conversation>()(
  z.object({ id: z.string(), brandId: z.string(), visitorId: z.string(), createdAt: timestamp, updatedAt: timestamp }),
)

export const operator = exactly<Operator>()(z.object({ id: z.string(), name: z.string() }))

export const operatorProfile = exactly<OperatorProfile>()(
  z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'agent']).meta({
      description: '`admin`: every brand, the shop’s settings and the mock controls. `agent`: only its brands’ conversations, cards, templates and canned replies.',
    }),
    brandIds: z.array(z.string()).meta({ description: 'The brands it reaches; every brand for an admin.' }),
  }),
)

export const whatsappContact = exactly<WhatsAppContact>()(
  z.object({
    id: z.string().meta({ description: '`wa_id` (phone digits), or the `user_id` when the contact shares no phone number.' }),
    profileName: z.string().nullable(),
    lastInboundAt: timestamp,
    windowClosesAt: timestamp,
  }),
)

export const conversationSummary = exactly<ConversationSummary>()(
  z.object({
    ...conversation.shape,
    assignee: operator.nullable(),
    channel: z.enum(['web', 'whatsapp']),
    whatsapp: whatsappContact.nullable(),
    visitorName: z.string().nullable(),
    visitorVerified: z.boolean().meta({ description: 'The visitor proved who they are: a right `userHash` (identity verification).' }),
    lastMessage: message.nullable(),
    messageCount: int.min(0),
  }),
)
