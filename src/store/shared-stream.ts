import type { StreamStatus, SubscribeOptions, Subscription } from '../client/types'
import type { ConversationEvent, ReplayIncompleteEvent } from '../protocol/types'

/** What tab coordination needs from the browser: Web Locks and BroadcastChannel (or test doubles). */
export interface TabCoordination {
  locks: { request(name: string, callback: () => Promise<void>): Promise<unknown> }
  channel(name: string): {
    postMessage(message: unknown): void
    listen(callback: (message: unknown) => void): void
    close(): void
  }
}

type Relay =
  | { kind: 'event'; conversationId: string; event: ConversationEvent | ReplayIncompleteEvent; id: string }
  | { kind: 'status'; conversationId: string; status: StreamStatus }
  | { kind: 'hello'; conversationId: string }

/** The browser's own, when it has both; null otherwise (each tab then keeps its own stream). */
export function browserTabs(): TabCoordination | null {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks
  if (!locks || typeof BroadcastChannel !== 'function') return null
  return {
    locks,
    channel(name) {
      const channel = new BroadcastChannel(name)
      return {
        postMessage: (message) => channel.postMessage(message),
        listen: (callback) => (channel.onmessage = (event) => callback(event.data)),
        close: () => channel.close(),
      }
    },
  }
}

/**
 * One event stream for all tabs of a visitor: the tab holding the lock opens it and relays every event
 * and status change to the others over a BroadcastChannel. The lock passes to a waiting tab when the
 * leader closes (or stops), and that tab resumes from the last event id it heard: nothing is missed.
 */
export function shareStream(
  tabs: TabCoordination,
  name: string,
  conversationId: string,
  options: SubscribeOptions,
  open: (options: SubscribeOptions) => Subscription,
): Subscription {
  const channel = tabs.channel(name)
  let leading: Subscription | null = null
  let status: StreamStatus = 'connecting'
  let lastEventId = options.lastEventId ?? null
  let closed = false
  let release = () => {}

  const post = (relay: Relay) => channel.postMessage(relay)
  const setStatus = (next: StreamStatus) => {
    status = next
    options.onStatus?.(next)
  }

  channel.listen((data) => {
    const relay = data as Relay
    if (closed || relay?.conversationId !== conversationId) return
    if (relay.kind === 'hello') {
      if (leading) post({ kind: 'status', conversationId, status })
    } else if (!leading && relay.kind === 'event') {
      if (relay.event.type !== 'replay.incomplete') lastEventId = relay.id
      options.onEvent(relay.event, relay.id)
    } else if (!leading && relay.kind === 'status') {
      setStatus(relay.status)
    }
  })

  options.onStatus?.('connecting')
  post({ kind: 'hello', conversationId })
  void tabs.locks.request(name, () => {
    if (closed) return Promise.resolve()
    leading = open({
      lastEventId,
      onEvent: (event, id) => {
        if (event.type !== 'replay.incomplete') lastEventId = id
        options.onEvent(event, id)
        post({ kind: 'event', conversationId, event, id })
      },
      onStatus: (next) => {
        setStatus(next)
        post({ kind: 'status', conversationId, status: next })
      },
      ...(options.onError ? { onError: options.onError } : {}),
    })
    // Held until this tab stops (or closes, when the browser lets go of it).
    return new Promise<void>((resolve) => (release = resolve))
  })

  return {
    close() {
      if (closed) return
      closed = true
      leading?.close()
      leading = null
      release()
      channel.close()
    },
  }
}
