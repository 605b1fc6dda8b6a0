import { z } from 'zod'
import type { Message, MessageAuthor, MessageDelivery, MessagePage, RenderedTemplate } from '../../../protocol/types'
import { exactly } from '../exact'
import { paymentRequest } from './payment-request'
import { int, timestamp } from './primitives'

export const messageAuthor = exactly<MessageAuthor>()(
  z.object({
    role: z.enum(['visitor', 'operator', 'bot', 'system']),
    name: z.string().nullable().meta({ description: 'Display name; null for the visitor and for system lines.' }),
  }),
)

export const messageDelivery = exactly<MessageDelivery>()(
  z
    .object({
      channel: z.literal('whatsapp'),
      status: z.enum(['accepted', 'sent', 'delivered', 'read', 'failed']),
      updatedAt: timestamp,
      error: z.object({ code: int, message: z.string() }).optional(),
    })
    .meta({ description: "WhatsApp's progress for a message the business sent: it never moves back, except to `failed`." }),
)

export const renderedTemplate = exactly<RenderedTemplate>()(
  z.object({
    name: z.string(),
    header: z.string().nullable(),
    body: z.string(),
    footer: z.string().nullable(),
    buttons: z.array(
      z.object({
        type: z.enum(['QUICK_REPLY', 'URL', 'PHONE_NUMBER']),
        text: z.string(),
        url: z.string().optional(),
        phoneNumber: z.string().optional(),
      }),
    ),
  }),
)

export const message = exactly<Message>()(
  z.object({
    id: z.string(),
    conversationId: z.string(),
    clientId: z.string().nullable(),
    type: z.enum(['text', 'payment_request', 'template']),
    author: messageAuthor,
    text: z.string().meta({ description: 'Plain text, never HTML. Empty for a `payment_request` message.' }),
    paymentRequest: paymentRequest.nullable(),
    template: renderedTemplate.nullable().optional(),
    delivery: messageDelivery.nullable().optional(),
    createdAt: timestamp,
  }),
)

export const messagePage = exactly<MessagePage>()(
  z
    .object({
      messages: z.array(message),
      hasMore: z.boolean(),
      lastEventId: z
        .string()
        .nullable()
        .meta({ description: 'Subscribing with it as `Last-Event-ID` continues exactly where this page left off.' }),
    })
    .meta({ description: 'A page of messages, oldest first, newest last.' }),
)
