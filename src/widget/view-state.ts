import { computed, effect, signal } from '@preact/signals'
import type { Look } from './look'
import type { ChatSignals } from './store-signals'

/**
 * The widget's own state, as signals: what the visitor sees of the chat, none of it part of the
 * conversation (that is the store's; see docs/state.md). Made once per mounted widget, so it outlives
 * the panel: a draft typed before closing the chat is there when it opens again.
 */
export function createView(chat: ChatSignals, look: Pick<Look, 'inline' | 'open'>) {
  /** The panel is shown (inline: always; open on load: from the start). */
  const open = signal(!!(look.inline || look.open))
  /** Messages from the operator (or a bot) that came while the chat was closed; 0 again when it opens. */
  const unread = signal(0)
  /** What the visitor is typing. */
  const draft = signal('')
  /** The list is at the bottom: what comes shows at once, and older history may be let go. */
  const pinned = signal(true)
  /** Something came while the visitor was scrolled up: the "New messages" pill shows. */
  const news = signal(false)
  /** The line above the list while the chat connects or reconnects. */
  const connecting = computed(() =>
    chat.connection.value === 'reconnecting' ? 'reconnecting' : chat.phase.value === 'starting' && !chat.brand.value ? 'connecting' : null,
  )

  let last: string | undefined
  const stops = [
    // Opening reads everything.
    effect(() => void (open.value && (unread.value = 0))),
    // At the bottom, nothing waits behind the pill.
    effect(() => void (pinned.value && (news.value = false))),
    effect(() => {
      const message = chat.messages.value.at(-1)
      const key = message && (message.clientId ?? message.id)
      if (message && last && key !== last) {
        // What the visitor just sent is always shown; anything else only if they are at the bottom.
        if (message.author.role === 'visitor' && message.sendStatus !== 'sent') pinned.value = true
        else if (!pinned.peek()) news.value = true
      }
      last = key
    }),
  ]

  return { open, unread, draft, pinned, news, connecting, dispose: () => stops.forEach((stop) => stop()) }
}

export type View = ReturnType<typeof createView>
