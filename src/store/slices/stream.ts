import type { SubscribeOptions, Subscription } from '../../client/types'
import type { ConversationEvent, Message, ReplayIncompleteEvent } from '../../protocol/types'
import { applyEvent } from '../apply-event'
import { isSessionLost } from '../chat-error'
import { mergeCards } from '../merge-card'
import { findMessage, mergeMessages } from '../merge-messages'
import { shareStream } from '../shared-stream'
import type { StoreEnv } from '../store-env'
import type { ChatMessage, Slice } from '../types'

/** How far back a resync after an incomplete replay reads (pages of the server's default size). */
const RESYNC_MAX_PAGES = 20

/** The conversation's live events: the stream, its status, the resume point, and catching up after a gap. */
export const streamSlice =
  (env: StoreEnv): Slice<'connection' | 'lastEventId' | 'openStream' | 'closeStream'> =>
  (set, get) => {
    const { client } = env
    let subscription: Subscription | null = null

    function receive(event: ConversationEvent | ReplayIncompleteEvent, id: string) {
      const state = get()
      if (event.conversationId !== state.conversation?.id) return
      if (event.type === 'replay.incomplete') return void resync(event.conversationId)
      // A replay of a message older than what is loaded (let go by trimOlder) is not put on top of the list,
      // which would leave a gap under it: loadOlder reads it in its place. Its card still counts.
      const next =
        event.type === 'message.created' && state.hasMore && olderThanLoaded(state.messages, event.message)
          ? { messages: state.messages, cards: mergeCards(state.cards, [event.message]) }
          : applyEvent(state, event)
      // Ids are increasing integers; one delivered late must not take the resume point back.
      const lastEventId = Number(id) > Number(state.lastEventId ?? -1) ? id : state.lastEventId
      set(next === state ? { lastEventId } : { ...next, lastEventId })

      if (event.type === 'conversation.handed_off') env.emit('handoff', { channel: event.channel })
      const card =
        event.type === 'message.created' ? event.message.paymentRequest : event.type === 'payment_request.updated' ? event.paymentRequest : null
      if (card) get().cardChanged(state.cards[card.id], next.cards[card.id])
      if (event.type === 'message.created' && event.message.author.role !== 'visitor' && next.messages !== state.messages) {
        // A changed list for a message that is not the visitor's own means it was not there before.
        env.emit('message', event.message)
      }
    }

    /**
     * The stream resumed but could not replay what was missed: read the newest pages instead and merge
     * them. Live events keep coming meanwhile; merging by id makes either order safe.
     */
    async function resync(conversationId: string) {
      const current = env.current()
      try {
        // Back through history until a page reaches a message already shown: then nothing is missing.
        const missed: Message[] = []
        let before: string | undefined
        for (let pages = 0; pages < RESYNC_MAX_PAGES; pages++) {
          const page = await client.listMessages(conversationId, before ? { before } : {})
          if (!current() || get().conversation?.id !== conversationId) return
          missed.unshift(...page.messages)
          const shown = get().messages
          if (!page.hasMore || !page.messages[0] || page.messages.some((m) => shown[findMessage(shown, m)]?.sendStatus === 'sent')) break
          before = page.messages[0].id
        }
        set({ messages: mergeMessages(get().messages, missed), cards: mergeCards(get().cards, missed) })
      } catch {
        // The next reconnect resumes from the same id and asks again.
      }
    }

    return {
      connection: 'idle',
      lastEventId: null,
      openStream(conversationId, lastEventId) {
        const current = env.current()
        subscription?.close()
        const options: SubscribeOptions = {
          // No event yet: resume from before the first one (ids are integers from 1), not "live only", so
          // events after the page, or during a drop before the first event arrives, are replayed.
          lastEventId: lastEventId ?? '0',
          onEvent: (event, id) => void (current() && receive(event, id)),
          onStatus: (connection) => void (current() && set({ connection })),
          onError: (error) => void (current() && isSessionLost(error) && get().restartAfterLoss()),
        }
        const subscribe = (options: SubscribeOptions) => client.subscribe(conversationId, options)
        // Tabs of one visitor share one stream (the session token is the same, so is the conversation).
        subscription = env.tabs
          ? shareStream(env.tabs, `paychat:${client.widgetKey}:stream`, conversationId, options, subscribe)
          : subscribe(options)
      },
      closeStream() {
        subscription?.close()
        subscription = null
      },
    }
  }

/** Whether `message` is new to the list and older than its oldest server message. */
function olderThanLoaded(messages: readonly ChatMessage[], message: Message): boolean {
  const oldest = messages.find((m) => m.sendStatus === 'sent')
  return oldest !== undefined && message.createdAt < oldest.createdAt && findMessage(messages, message) < 0
}
