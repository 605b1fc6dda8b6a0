import { useLayoutEffect, useReducer, useRef } from 'preact/hooks'
import type { ChatMessage } from '../store/types'
import { MessageItem } from './message-item'
import { useStore } from './use-store'
import { useWidget } from './widget-context'
import { windowOf } from './windowing'

/** Rows rendered above and below the visible ones. */
const OVERSCAN = 10
/** Height assumed for a row not measured yet, gap included. */
const ESTIMATE = 64
/** The list's `gap` in styles.ts, counted into each row's height. */
const GAP = 8

const keyOf = (message: ChatMessage) => message.clientId ?? message.id

/** Stands for rows left out; the list's gap after it is part of their space. */
const spacer = (height: number) => height > 0 && <li class="pc-spacer" aria-hidden="true" style={{ height: height - GAP }} />

/** A message on screen and how far below the list's top edge it is: what must not move when rows change above it. */
interface Anchor {
  key: string
  top: number
}

/**
 * The conversation, announced politely. Only the rows in view (and a few more) are in the DOM, between
 * two spacers sized from measured heights. It stays at the bottom while the visitor is there; otherwise
 * news waits behind a "New messages" pill and rows added above (older pages) leave the view where it was.
 */
export function MessageList() {
  const { store, t } = useWidget()
  const messages = useStore(store, (s) => s.messages)
  const brand = useStore(store, (s) => s.brand)
  const ref = useRef<HTMLDivElement>(null)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  // Where the visitor is, kept outside state: scrolling writes it without a render each time.
  const view = useRef({
    pinned: true,
    news: false,
    anchor: null as Anchor | null,
    last: undefined as string | undefined,
    heights: new Map<string, number>(),
    /** Keys of the rows rendered, in order. */
    keys: [] as string[],
  }).current

  const last = messages[messages.length - 1]
  const lastKey = last && keyOf(last)
  if (last && lastKey !== view.last) {
    if (view.last) {
      // What the visitor just sent is always shown; anything else only if they are at the bottom.
      if (last.author.role === 'visitor' && last.sendStatus !== 'sent') view.pinned = true
      else view.news = true
    }
    view.last = lastKey
  }
  if (view.pinned) view.news = false

  const keys = messages.map(keyOf)
  const sizes = keys.map((key) => view.heights.get(key) ?? ESTIMATE)
  let y = view.pinned ? Infinity : (ref.current?.scrollTop ?? 0)
  const at = view.anchor && !view.pinned ? keys.indexOf(view.anchor.key) : -1
  if (at >= 0) {
    // Placed from the anchor, not from scrollTop: rows just added above must not pull the window away.
    y = -view.anchor!.top
    for (let i = 0; i < at; i++) y += sizes[i]!
  }
  const { start, end, top, bottom } = windowOf(sizes, y, ref.current?.clientHeight || 600, OVERSCAN)
  view.keys = keys.slice(start, end)

  const rows = (list: HTMLElement) => list.querySelectorAll<HTMLElement>('ol>.pc-row:not(.pc-greeting)')
  const offset = (list: HTMLElement, row: HTMLElement) => row.getBoundingClientRect().top - list.getBoundingClientRect().top
  function capture(list: HTMLElement) {
    view.anchor = null
    for (const [i, row] of rows(list).entries()) {
      const top = offset(list, row)
      if (top + row.offsetHeight > 0) return void (view.anchor = { key: view.keys[i]!, top })
    }
  }

  useLayoutEffect(() => {
    const list = ref.current!
    const shown = rows(list)
    shown.forEach((row, i) => {
      // Zero is "not laid out" (hidden, or no layout engine): keep the estimate.
      if (row.offsetHeight) view.heights.set(view.keys[i]!, row.offsetHeight + GAP)
    })
    if (view.pinned) {
      list.scrollTop = list.scrollHeight
      // At the bottom, history far above is let go (and read again on the way up): the list stays bounded.
      store.getState().trimOlder()
    } else if (view.anchor) {
      const row = shown[view.keys.indexOf(view.anchor.key)]
      if (row) list.scrollTop += offset(list, row) - view.anchor.top
    }
    capture(list)
  })

  return (
    <div class="pc-log">
      {/* The scroller is the polite log (focusable, so the keyboard can scroll it); the rows a list inside, its box `display:contents`. */}
      <div
        ref={ref}
        class="pc-messages"
        role="log"
        aria-live="polite"
        aria-labelledby="pc-title"
        tabIndex={0}
        onScroll={(event) => {
          const list = event.currentTarget
          const anchor = view.anchor?.key
          view.pinned = list.scrollHeight - list.scrollTop - list.clientHeight < 24
          capture(list)
          if (list.scrollTop < list.clientHeight) void store.getState().loadOlder()
          if ((view.pinned && view.news) || view.anchor?.key !== anchor) rerender(0)
        }}
      >
        <ol>
          {brand?.greeting && <li class="pc-row pc-their pc-greeting"><p class="pc-bubble">{brand.greeting}</p></li>}
          {spacer(top)}
          {messages.slice(start, end).map((message) => (
            <MessageItem key={keyOf(message)} message={message} />
          ))}
          {spacer(bottom)}
        </ol>
      </div>
      {view.news && (
        <button
          type="button"
          class="pc-button pc-primary pc-pill"
          onClick={() => {
            view.pinned = true
            rerender(0)
          }}
        >
          {t('newMessages')}
        </button>
      )}
    </div>
  )
}
