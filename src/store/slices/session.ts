import { toChatError } from '../chat-error'
import { mergeCards } from '../merge-card'
import { mergeMessages } from '../merge-messages'
import { clearSessionToken, readSessionToken, saveSessionToken } from '../session-token'
import type { StoreEnv } from '../store-env'
import type { Slice } from '../types'

/** The session: starting (or resuming) it, what it says about the brand and conversation, stopping, and starting afresh. */
export const sessionSlice =
  (env: StoreEnv): Slice<'phase' | 'error' | 'brand' | 'conversation' | 'notice' | 'start' | 'stop' | 'restartAfterLoss'> =>
  (set, get) => {
    const { client, storage } = env
    let starting: Promise<void> | null = null

    async function run(): Promise<void> {
      const current = env.current()
      set({ phase: 'starting', error: null })
      try {
        const sessionToken = readSessionToken(storage, client.widgetKey)
        const session = await client.startSession({
          ...(sessionToken ? { sessionToken } : {}),
          ...(env.locale ? { locale: env.locale } : {}),
        })
        if (!current()) return
        saveSessionToken(storage, client.widgetKey, session.session.token)
        const { conversation } = session
        const page = await client.listMessages(conversation.id)
        if (!current()) return

        const previous = get()
        const same = previous.conversation?.id === conversation.id
        // Own messages not yet confirmed (restored from the outbox, or typed before a restart) go out once
        // the session is ready. The server copy of one already sent replaces it.
        const unsent = previous.messages.filter((m) => m.sendStatus !== 'sent')
        set({
          phase: 'ready',
          error: null,
          brand: session.brand,
          conversation,
          messages: mergeMessages(unsent, page.messages),
          hasMore: page.hasMore,
          cards: mergeCards(same ? previous.cards : {}, page.messages),
          lastEventId: page.lastEventId,
        })
        get().openStream(conversation.id, page.lastEventId)
        env.emit('ready', { conversationId: conversation.id })
        void get().drain()
      } catch (error) {
        if (!current()) return
        const reason = toChatError(error, { code: 'start_failed' })
        // Unsent messages keep waiting (queued): they go out when a later start succeeds.
        set({
          phase: 'error',
          error: reason,
          messages: get().messages.map((m) => (m.sendStatus === 'sending' ? { ...m, sendStatus: 'queued', sendError: reason } : m)),
        })
      }
    }

    return {
      phase: 'idle',
      error: null,
      brand: null,
      conversation: null,
      notice: null,
      start: () =>
        (starting ??= run().finally(() => {
          starting = null
        })),
      stop() {
        get().closeStream()
        starting = null
        env.endRun()
      },
      /**
       * The server no longer knows this session or conversation (it restarted and lost what it kept in
       * memory, or the session was revoked). Say so, and start a new conversation that unsent messages go to.
       */
      restartAfterLoss() {
        get().stop()
        clearSessionToken(storage, client.widgetKey)
        client.setSessionToken(null)
        set({ notice: { code: 'conversation_restarted' } })
        void get().start()
      },
    }
  }
