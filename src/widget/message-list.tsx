import { useLayoutEffect, useRef } from 'preact/hooks'
import { MessageItem } from './message-item'
import { useStore } from './use-store'
import { useWidget } from './widget-context'

/** The conversation, announced politely; stays pinned to the bottom while the visitor is there. */
export function MessageList() {
  const { store } = useWidget()
  const messages = useStore(store, (s) => s.messages)
  const brand = useStore(store, (s) => s.brand)
  const ref = useRef<HTMLOListElement>(null)
  const pinned = useRef(true)

  useLayoutEffect(() => {
    const list = ref.current
    if (list && pinned.current) list.scrollTop = list.scrollHeight
  }, [messages])

  return (
    <ol
      ref={ref}
      class="pc-messages"
      role="log"
      aria-live="polite"
      aria-label={brand?.name}
      onScroll={(event) => {
        const list = event.currentTarget
        pinned.current = list.scrollHeight - list.scrollTop - list.clientHeight < 24
      }}
    >
      {brand?.greeting && <li class="pc-row pc-their pc-greeting"><p class="pc-bubble">{brand.greeting}</p></li>}
      {messages.map((message) => (
        <MessageItem key={message.clientId ?? message.id} message={message} />
      ))}
    </ol>
  )
}
