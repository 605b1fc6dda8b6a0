import { backoff } from '../../client/backoff'
import { isApiError } from '../../client/index'
import { isRefusal, isSessionLost, toChatError, type ChatError } from '../chat-error'
import { makeClientId } from '../client-id'
import { findMessage, mergeMessage } from '../merge-messages'
import { fromOutbox, outboxOf, readOutbox, saveOutbox } from '../outbox'
import type { StoreEnv } from '../store-env'
import type { ChatMessage, ChatStoreOptions, Slice } from '../types'

/** First wait before sending a queued message again, and the most it grows to. */
const SEND_RETRY = 1_000
const SEND_MAX_RETRY = 30_000

/**
 * The visitor's own messages on their way out: shown at once, saved until the server has them, sent
 * one at a time in order, each exactly once (its clientId makes a repeated request safe).
 */
export const outboxSlice =
  (
    env: StoreEnv,
    network: ChatStoreOptions['network'],
  ): Slice<'messages' | 'draft' | 'send' | 'retry' | 'edit' | 'discard' | 'takeDraft' | 'drain'> =>
  (set, get, api) => {
    const { client, storage } = env
    /** The loop sending the outbox runs once at a time. */
    let draining = false
    let drainTimer: ReturnType<typeof setTimeout> | undefined
    /** Transient send failures in a row, for the backoff. */
    let sendFailures = 0
    // What a previous page left unsent is shown (and kept) from the first moment, even if the chat
    // never starts: a visitor typing while it is down and reloading must not lose the first message.
    const restored = readOutbox(storage, client.widgetKey).map(fromOutbox)
    let saved = JSON.stringify(outboxOf(restored))

    // Every change to the own unconfirmed messages is saved, so a reload (or a crash) loses none of them.
    api.subscribe((state, previous) => {
      if (state.messages === previous.messages) return
      const entries = outboxOf(state.messages)
      if (JSON.stringify(entries) !== saved) saved = saveOutbox(storage, client.widgetKey, entries)
    })
    // Back online: what waits in the outbox goes now rather than at the end of its backoff.
    const online = network ?? (typeof globalThis.addEventListener === 'function' ? globalThis : null)
    online?.addEventListener('online', () => void get().drain(true))

    /** Sets an own message's status, unless the server's copy already came (it was sent after all). */
    function setOwn(clientId: string, sendStatus: 'sending' | 'queued' | 'failed', sendError: ChatError | null) {
      const messages = get().messages
      const index = findOwn(messages, clientId)
      const message = messages[index]
      if (!message || message.sendStatus === 'sent') return
      const next = messages.slice()
      next[index] = { ...message, sendStatus, sendError }
      set({ messages: next })
    }

    return {
      messages: restored,
      draft: null,
      send(text) {
        const body = text.trim()
        if (!body) return
        const local = fromOutbox({ clientId: makeClientId(), text: body, createdAt: new Date().toISOString(), rejected: null })
        // While the chat cannot start, a new message waits with the others rather than showing "Sending…".
        if (get().phase === 'error') local.sendStatus = 'queued'
        set({ messages: [...get().messages, local] })
        void get().drain()
      },
      retry(clientId) {
        const message = get().messages[findOwn(get().messages, clientId)]
        if (message?.sendStatus !== 'failed' && message?.sendStatus !== 'queued') return
        setOwn(clientId, 'sending', null)
        void get().drain(true)
      },
      edit(clientId) {
        const message = get().messages[findOwn(get().messages, clientId)]
        if (!message || message.sendStatus === 'sent') return
        get().discard(clientId)
        set({ draft: message.text })
      },
      discard(clientId) {
        const messages = get().messages
        const index = findOwn(messages, clientId)
        // Only what never reached the server can be taken back; a message in flight may land any moment.
        if (index < 0 || messages[index]!.sendStatus === 'sent' || (draining && messages[index]!.sendStatus === 'sending')) return
        set({ messages: messages.filter((_, i) => i !== index) })
      },
      takeDraft: () => set({ draft: null }),
      /**
       * A refusal for good marks that message `failed` and moves on; trouble that may pass (offline,
       * timeouts, 5xx, 429) marks it `queued` and tries again after a backoff with jitter, or the
       * server's Retry-After, or as soon as the browser is back online.
       */
      async drain(now = false) {
        if (now) {
          sendFailures = 0
          clearTimeout(drainTimer)
        }
        if (draining) return
        draining = true
        const current = env.current()
        try {
          for (;;) {
            const { conversation, phase, messages } = get()
            if (!conversation || phase !== 'ready' || !current()) return
            const next = messages.find((m) => (m.sendStatus === 'sending' || m.sendStatus === 'queued') && m.clientId)
            if (!next) return
            clearTimeout(drainTimer)
            const clientId = next.clientId!
            if (next.sendStatus !== 'sending') setOwn(clientId, 'sending', null)
            try {
              const sent = await client.sendMessage(conversation.id, { clientId, text: next.text })
              sendFailures = 0
              set({ messages: mergeMessage(get().messages, sent) })
            } catch (error) {
              if (!current()) return
              if (isSessionLost(error)) return get().restartAfterLoss()
              const retryable = !isRefusal(error)
              setOwn(clientId, retryable ? 'queued' : 'failed', toChatError(error, { code: 'send_failed', retryable }))
              if (!retryable) continue
              const wait = Math.max(isApiError(error) ? (error.retryAfterMs ?? 0) : 0, backoff(sendFailures++, SEND_RETRY, SEND_MAX_RETRY))
              // A stopped store sends nothing more.
              drainTimer = setTimeout(() => void (current() && get().drain()), wait)
              return
            }
          }
        } finally {
          draining = false
        }
      },
    }
  }

/** The own message with this clientId, still local or already replaced by the server's copy. */
function findOwn(messages: readonly ChatMessage[], clientId: string): number {
  return findMessage(messages, { id: `local_${clientId}`, clientId })
}
