import { createStore } from 'zustand/vanilla'
import { cardsSlice } from './slices/cards'
import { handoffSlice } from './slices/handoff'
import { historySlice } from './slices/history'
import { outboxSlice } from './slices/outbox'
import { sessionSlice } from './slices/session'
import { streamSlice } from './slices/stream'
import { storeEnv } from './store-env'
import type { Chat, ChatStore, ChatStoreOptions } from './types'

/**
 * The conversation's single source of truth, shared by the widget and the headless client: zustand's
 * slices pattern, one file a job (src/store/slices), each typed against the whole store and reaching
 * the others only through `get()`. The store says what went wrong as codes (`ChatError`), never as sentences.
 */
export function createChatStore(options: ChatStoreOptions): ChatStore {
  const env = storeEnv(options)
  return createStore<Chat>()((...store) => ({
    ...sessionSlice(env)(...store),
    ...streamSlice(env)(...store),
    ...historySlice(env)(...store),
    ...outboxSlice(env, options.network)(...store),
    ...cardsSlice(env)(...store),
    ...handoffSlice(env)(...store),
  }))
}
