export { createChatStore } from './create-chat-store'
export { KEPT_MESSAGES } from './slices/history'
export { ChatFailure, type ChatError, type ChatErrorCode, type ChatNotice } from './chat-error'
export { applyEvent, type EventSlice } from './apply-event'
export { isStaleCard, mergeCard } from './merge-card'
export { offersCancel, offersPayNow } from './can-pay'
export { findMessage, mergeMessage, mergeMessages, toChatMessage } from './merge-messages'
export type {
  ChatActions,
  ChatMessage,
  ChatPhase,
  ChatState,
  ChatStore,
  ChatStoreOptions,
  KeyValueStorage,
  PaychatEventMap,
  PaychatEventName,
  SendStatus,
} from './types'
