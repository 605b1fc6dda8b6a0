import type {
  Conversation,
  ConversationSummary,
  CreateSessionBody,
  Message,
  MessageAuthor,
  MessageDelivery,
  MessagePage,
  RenderedTemplate,
  SessionResponse,
} from '../protocol/types'
import { assigneeOf } from './access'
import { ApiFailure, notFound } from './api-error'
import { newId, newToken } from './ids'
import type { ServerState, StoredMessage, VisitorRecord } from './state'
import { publicBrand, brandByWidgetKey } from './brands'
import { publicPaymentRequest } from './payment-view'
import { whatsappContactOf } from './whatsapp/window'

/** Resumes the visitor behind `sessionToken` when it belongs to this widget key, else starts anew. */
/** `verified`: the caller checked `body.visitor.userHash` (src/server/identity.ts). */
export function startSession(state: ServerState, body: CreateSessionBody, verified = false): { status: 200 | 201; body: SessionResponse } {
  const brand = brandByWidgetKey(state, body.widgetKey)
  const known = body.sessionToken ? state.visitors.get(body.sessionToken) : undefined
  if (known && known.brandId === brand.id) {
    if (verified) Object.assign(known, { name: body.visitor?.name ?? known.name, email: body.visitor!.email!, verified })
    // The visitor may have switched language since (a new page, a new data-locale).
    if (body.locale) known.locale = body.locale
    const conversation = state.conversations.get(known.conversationId)!
    return { status: 200, body: { session: sessionOf(known, true), brand: publicBrand(brand), conversation } }
  }
  const conversation = createConversation(state, brand.id)
  const visitor: VisitorRecord = {
    id: conversation.visitorId,
    brandId: brand.id,
    token: newToken('st'),
    name: body.visitor?.name ?? null,
    email: body.visitor?.email ?? null,
    verified,
    locale: body.locale ?? null,
    conversationId: conversation.id,
  }
  state.visitors.set(visitor.token, visitor)
  return { status: 201, body: { session: sessionOf(visitor, false), brand: publicBrand(brand), conversation } }
}

/** A new, empty conversation of a brand; operators hear of it at once. */
export function createConversation(state: ServerState, brandId: string): Conversation {
  const now = state.clock.iso()
  const conversation: Conversation = { id: newId('conv'), brandId, visitorId: newId('vis'), createdAt: now, updatedAt: now }
  state.conversations.set(conversation.id, conversation)
  state.messages.set(conversation.id, [])
  state.events.emitToOperators({ type: 'conversation.created', conversationId: conversation.id, conversation })
  return conversation
}

function sessionOf(visitor: VisitorRecord, resumed: boolean): SessionResponse['session'] {
  return { token: visitor.token, visitorId: visitor.id, resumed }
}

export function conversationById(state: ServerState, id: string): Conversation {
  const conversation = state.conversations.get(id)
  if (!conversation) throw notFound('conversation')
  return conversation
}

/** The conversation, if this visitor may see it: 404 when it does not exist, 403 when it is another's. */
export function visitorConversation(state: ServerState, visitor: VisitorRecord, id: string): Conversation {
  const conversation = conversationById(state, id)
  if (conversation.id !== visitor.conversationId) {
    throw new ApiFailure(403, 'forbidden', 'This conversation belongs to another visitor.')
  }
  return conversation
}

/** A page ending just before `before` (or at the newest), oldest first. Sweep expiries before reading. */
export function listMessages(
  state: ServerState,
  conversationId: string,
  page: { before?: string | undefined; limit: number },
): MessagePage {
  const all = state.messages.get(conversationId) ?? []
  let end = all.length
  if (page.before) {
    end = all.findIndex((m) => m.id === page.before)
    if (end < 0) throw new ApiFailure(400, 'validation_failed', 'No message with that id in this conversation.', 'before')
  }
  const start = Math.max(0, end - page.limit)
  const lastId = state.events.conversation(conversationId).lastId
  return {
    messages: all.slice(start, end).map((m) => toMessage(state, m)),
    hasMore: start > 0,
    lastEventId: lastId > 0 ? String(lastId) : null,
  }
}

/** Embeds the card's current state, so a page read later never shows a stale status. */
export function toMessage(state: ServerState, stored: StoredMessage): Message {
  const { paymentRequestId, ...message } = stored
  const record = paymentRequestId ? state.paymentRequests.get(paymentRequestId) : undefined
  return { ...message, paymentRequest: record ? publicPaymentRequest(record) : null }
}

/**
 * Adds a message and emits `message.created`. A visitor `clientId` seen before returns the first
 * message (`created: false`) so a retried send never shows twice; other text under it is refused.
 */
export function addMessage(
  state: ServerState,
  conversationId: string,
  input: {
    author: MessageAuthor
    text: string
    clientId?: string | null
    paymentRequestId?: string | null
    template?: RenderedTemplate | null
    delivery?: MessageDelivery | null
  },
): { message: Message; created: boolean } {
  const messages = state.messages.get(conversationId)!
  if (input.clientId) {
    const earlier = messages.find((m) => m.clientId === input.clientId)
    if (earlier) {
      if (earlier.text !== input.text) {
        throw new ApiFailure(422, 'idempotency_mismatch', 'This clientId was already used for a different message.', 'clientId')
      }
      return { message: toMessage(state, earlier), created: false }
    }
  }
  const createdAt = state.clock.iso()
  const stored: StoredMessage = {
    id: newId('msg'),
    conversationId,
    clientId: input.clientId ?? null,
    type: input.paymentRequestId ? 'payment_request' : input.template ? 'template' : 'text',
    author: input.author,
    text: input.text,
    paymentRequestId: input.paymentRequestId ?? null,
    ...(input.template ? { template: input.template } : {}),
    ...(input.delivery ? { delivery: input.delivery } : {}),
    createdAt,
  }
  messages.push(stored)
  conversationById(state, conversationId).updatedAt = createdAt
  const message = toMessage(state, stored)
  state.events.emit({ type: 'message.created', conversationId, message })
  return { message, created: true }
}

export function conversationSummaries(state: ServerState): ConversationSummary[] {
  const visitors = new Map([...state.visitors.values()].map((v) => [v.conversationId, v]))
  return [...state.conversations.values()]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((c): ConversationSummary => {
      const messages = state.messages.get(c.id) ?? []
      const last = messages.at(-1)
      const whatsapp = whatsappContactOf(state, c.id)
      const assignee = state.operators.get(state.assignments.get(c.id) ?? '')
      return {
        ...c,
        assignee: assignee ? assigneeOf(assignee) : null,
        channel: whatsapp ? 'whatsapp' : 'web',
        whatsapp,
        visitorName: visitors.get(c.id)?.name ?? null,
        visitorVerified: visitors.get(c.id)?.verified ?? false,
        lastMessage: last ? toMessage(state, last) : null,
        messageCount: messages.length,
      }
    })
}
