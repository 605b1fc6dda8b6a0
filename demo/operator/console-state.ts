import type {
  ConversationSummary,
  Message,
  MessageDelivery,
  OperatorEvent,
  PaymentRequest,
  Transaction,
} from '../../src/protocol/types'
import { isStaleCard } from '../../src/store/merge-card'
import { mergeTransactions } from './transaction-log'

/**
 * What the console knows. Answers and live events may arrive in any order (a list read while an
 * event is in flight), so every update merges: by id, and the newer `updatedAt` wins.
 */
export interface ConsoleState {
  /** Most recently updated first. */
  conversations: ConversationSummary[]
  /** Messages of the conversations opened so far, oldest first. */
  messages: Record<string, Message[]>
  /** Whether older messages exist before the first loaded one. */
  hasMore: Record<string, boolean>
  /** The newest known state of every payment request seen, by id: cards read their live status here. */
  requests: Record<string, PaymentRequest>
  /** Each conversation's payment attempts, oldest first: from its history read and live events. */
  transactions: Record<string, Transaction[]>
  /** Conversations whose history has been read (until then, `transactions` holds only live events). */
  historyLoaded: Record<string, boolean>
}

export type ConsoleAction =
  | { type: 'reset' }
  | { type: 'conversations_loaded'; conversations: ConversationSummary[] }
  | { type: 'messages_loaded'; conversationId: string; messages: Message[]; hasMore: boolean; older: boolean }
  | { type: 'message_received'; message: Message }
  | { type: 'request_received'; request: PaymentRequest }
  | { type: 'transactions_loaded'; conversationId: string; transactions: Transaction[] }
  /** The server's summary after an action on the conversation (a transfer). */
  | { type: 'conversation_received'; conversation: ConversationSummary }
  | { type: 'event'; event: OperatorEvent }

export const EMPTY_STATE: ConsoleState = {
  conversations: [],
  messages: {},
  hasMore: {},
  requests: {},
  transactions: {},
  historyLoaded: {},
}

export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'reset':
      return EMPTY_STATE
    case 'conversations_loaded':
      return { ...state, conversations: sortNewestFirst(mergeById(state.conversations, action.conversations)) }
    case 'messages_loaded': {
      const known = state.messages[action.conversationId]
      // Equal timestamps keep their page order, so the older page goes first when merging.
      const merged = !known ? action.messages : action.older ? mergeMessages(action.messages, known) : mergeMessages(known, action.messages)
      // Only a page of the oldest loaded messages says whether anything older exists.
      const hasMore = action.older || !known ? action.hasMore : (state.hasMore[action.conversationId] ?? false)
      return {
        ...withRequests(state, action.messages),
        messages: { ...state.messages, [action.conversationId]: merged },
        hasMore: { ...state.hasMore, [action.conversationId]: hasMore },
      }
    }
    case 'message_received':
      return addMessage(state, action.message)
    case 'request_received':
      return { ...state, requests: putRequest(state.requests, action.request) }
    case 'transactions_loaded': {
      const id = action.conversationId
      return {
        ...state,
        transactions: { ...state.transactions, [id]: mergeTransactions(action.transactions, state.transactions[id] ?? []) },
        historyLoaded: { ...state.historyLoaded, [id]: true },
      }
    }
    case 'conversation_received':
      // Its assignee is the newest known even when a message event already moved `updatedAt` on.
      return {
        ...state,
        conversations: sortNewestFirst(mergeById(state.conversations, [action.conversation])).map((c) =>
          c.id === action.conversation.id ? { ...c, assignee: action.conversation.assignee } : c,
        ),
      }
    case 'event':
      return applyEvent(state, action.event)
  }
}

function applyEvent(state: ConsoleState, event: OperatorEvent): ConsoleState {
  switch (event.type) {
    case 'conversation.created': {
      if (state.conversations.some((c) => c.id === event.conversation.id)) return state
      const summary: ConversationSummary = {
        ...event.conversation,
        assignee: null,
        channel: 'web',
        whatsapp: null,
        visitorName: null,
        visitorVerified: false,
        lastMessage: null,
        messageCount: 0,
      }
      return { ...state, conversations: sortNewestFirst([summary, ...state.conversations]) }
    }
    case 'message.created':
      return addMessage(state, event.message)
    case 'payment_request.updated':
      return { ...state, requests: putRequest(state.requests, event.paymentRequest) }
    case 'conversation.handed_off':
      // Its "Continued on WhatsApp" message follows as its own event.
      return state
    case 'message.delivery_updated':
      return setDelivery(state, event.conversationId, event.messageId, event.delivery)
    case 'conversation.transferred':
      return {
        ...state,
        conversations: state.conversations.map((c) => (c.id === event.conversationId ? { ...c, assignee: event.assignee } : c)),
      }
    case 'transaction.recorded': {
      const known = state.transactions[event.conversationId] ?? []
      return { ...state, transactions: { ...state.transactions, [event.conversationId]: mergeTransactions(known, [event.transaction]) } }
    }
  }
}

/** WhatsApp's statuses may arrive out of order; the server sends only forward moves, the newest wins here. */
function setDelivery(state: ConsoleState, conversationId: string, messageId: string, delivery: MessageDelivery): ConsoleState {
  const thread = state.messages[conversationId]
  const known = thread?.find((m) => m.id === messageId)
  if (!thread || !known || (known.delivery && known.delivery.updatedAt > delivery.updatedAt)) return state
  return {
    ...state,
    messages: { ...state.messages, [conversationId]: thread.map((m) => (m === known ? { ...m, delivery } : m)) },
  }
}

/** A message from an event or our own reply: into its thread (once) and onto its conversation's row. */
function addMessage(state: ConsoleState, message: Message): ConsoleState {
  const thread = state.messages[message.conversationId]
  const isNew = !thread?.some((m) => m.id === message.id)
  const summary = state.conversations.find((c) => c.id === message.conversationId)
  const isNewer = summary !== undefined && (!summary.lastMessage || summary.lastMessage.createdAt <= message.createdAt)
  const conversations =
    summary && isNewer && summary.lastMessage?.id !== message.id
      ? sortNewestFirst(
          state.conversations.map((c) =>
            c === summary
              ? {
                  ...c,
                  lastMessage: message,
                  updatedAt: maxIso(c.updatedAt, message.createdAt),
                  messageCount: c.messageCount + 1,
                }
              : c,
          ),
        )
      : state.conversations
  return {
    ...withRequests(state, [message]),
    conversations,
    messages: thread && isNew ? { ...state.messages, [message.conversationId]: [...thread, message] } : state.messages,
  }
}

function withRequests(state: ConsoleState, messages: Message[]): ConsoleState {
  let requests = state.requests
  for (const message of messages) if (message.paymentRequest) requests = putRequest(requests, message.paymentRequest)
  return requests === state.requests ? state : { ...state, requests }
}

function putRequest(requests: Record<string, PaymentRequest>, request: PaymentRequest): Record<string, PaymentRequest> {
  const known = requests[request.id]
  return known && isStaleCard(known, request) ? requests : { ...requests, [request.id]: request }
}

function mergeById(known: ConversationSummary[], incoming: ConversationSummary[]): ConversationSummary[] {
  const byId = new Map(known.map((c) => [c.id, c]))
  for (const c of incoming) {
    const old = byId.get(c.id)
    if (!old || old.updatedAt <= c.updatedAt) byId.set(c.id, c)
  }
  return [...byId.values()]
}

function mergeMessages(first: Message[], second: Message[]): Message[] {
  const byId = new Map(first.map((m) => [m.id, m]))
  for (const m of second) byId.set(m.id, m)
  return [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
}

function sortNewestFirst(conversations: ConversationSummary[]): ConversationSummary[] {
  return [...conversations].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
}

function maxIso(a: string, b: string): string {
  return a > b ? a : b
}
