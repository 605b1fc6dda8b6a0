import { batch, signal, type ReadonlySignal, type Signal } from '@preact/signals'
import type { ChatState, ChatStore } from '../store/types'

/** The conversation as signals: one per field of the store's state, read by components directly. */
export type ChatSignals = { readonly [K in keyof ChatState]: ReadonlySignal<ChatState[K]> }

/**
 * The one bridge from the store (zustand, the conversation's single source of truth, shared with the
 * headless client) to the widget: one subscription that sets a signal per state field, in a batch. A
 * signal changes only when its field does (by reference), so a component re-renders only for the
 * fields it read; a selector of several fields is a `computed` over these.
 */
export function storeSignals(store: ChatStore): { chat: ChatSignals; dispose(): void } {
  const state = store.getState()
  const fields: Record<string, Signal<unknown>> = {}
  for (const key in state) if (typeof state[key as keyof typeof state] !== 'function') fields[key] = signal(state[key as keyof typeof state])
  const dispose = store.subscribe((next) =>
    batch(() => {
      for (const key in fields) fields[key]!.value = next[key as keyof typeof next]
    }),
  )
  return { chat: fields as unknown as ChatSignals, dispose }
}
