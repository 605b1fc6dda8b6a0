export { createChatStore } from './create-chat-store'
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
