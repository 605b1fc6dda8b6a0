import { toChatError } from '../chat-error'
import { mergeCards } from '../merge-card'
import { findMessage, toChatMessage } from '../merge-messages'
import type { StoreEnv } from '../store-env'
import type { Slice } from '../types'

/** How many messages `trimOlder` keeps loaded; a list never grows past twice this while it is called. */
export const KEPT_MESSAGES = 200

/** Older pages: reading them above the list on the way up, and letting them go again at the bottom. */
export const historySlice =
  (env: StoreEnv): Slice<'hasMore' | 'loadingOlder' | 'olderError' | 'loadOlder' | 'trimOlder'> =>
  (set, get) => {
    /** The `loadOlder` call under way. */
    let older: Promise<void> | null = null

    async function readOlder(): Promise<void> {
      const { conversation, hasMore, messages } = get()
      const oldest = messages.find((m) => m.sendStatus === 'sent')
      if (!conversation || !hasMore || !oldest) return
      const current = env.current()
      set({ loadingOlder: true, olderError: null })
      try {
        const page = await env.client.listMessages(conversation.id, { before: oldest.id })
        if (!current() || get().conversation?.id !== conversation.id) return
        const shown = get().messages
        // Put above as the server ordered them (not by `createdAt`, which several messages may share).
        const fresh = page.messages.filter((m) => findMessage(shown, m) < 0).map(toChatMessage)
        set({ messages: [...fresh, ...shown], hasMore: page.hasMore, cards: mergeCards(get().cards, page.messages) })
      } catch (error) {
        if (current()) set({ olderError: toChatError(error, { code: 'older_failed' }) })
      } finally {
        set({ loadingOlder: false })
      }
    }

    return {
      hasMore: false,
      loadingOlder: false,
      olderError: null,
      loadOlder: () => (older ??= readOlder().finally(() => (older = null))),
      trimOlder() {
        const { messages } = get()
        // In batches, so that most events pay nothing for it and none pays more than a bounded list costs.
        if (messages.length > KEPT_MESSAGES * 2) set({ messages: messages.slice(-KEPT_MESSAGES), hasMore: true })
      },
    }
  }
