import type { VNode } from 'preact'
import { useEffect, useLayoutEffect, useReducer, useRef } from 'preact/hooks'
import type { ChatMessage } from '../store/types'
import { MessageItem } from './message-item'
import { useWidget } from './widget-context'
import { windowOf } from './windowing'

/** Rows rendered above and below the visible ones. */
const OVERSCAN = 10
/** Height assumed for a row not measured yet, gap included. */
const ESTIMATE = 64
/** The list's `gap` in widget.css, counted into each row's height. */
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
 * two spacers sized from measured heights. It stays at the bottom while the visitor is there (the
 * view's `pinned`); otherwise news waits behind a "New messages" pill and rows added above (older
 * pages) leave the view where it was. A row renders again only when its message changed: the element
 * made for a message is kept while that message object is, and Preact skips an element it has seen.
 * A row is measured once, when it appears, and then watched by a ResizeObserver: an event reads the
 * height of its new row, not of every row.
 */
export function MessageList() {
  const { store, chat, view } = useWidget()
  const messages = chat.messages.value
  const greeting = chat.brand.value?.greeting
  const pinned = view.pinned.value
  const ref = useRef<HTMLDivElement>(null)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  // Measurements, kept outside state: scrolling writes them without a render each time.
  const layout = useRef({
    anchor: null as Anchor | null,
    heights: new Map<string, number>(),
    /** Keys of the rows rendered, in order. */
    keys: [] as string[],
    rows: new WeakMap<ChatMessage, VNode>(),
    /** The row elements being measured, by their message's key. */
    measured: new Map<Element, string>(),
    sizes: null as ResizeObserver | null,
  }).current

  const keys = messages.map(keyOf)
  const sizes = keys.map((key) => layout.heights.get(key) ?? ESTIMATE)
  let y = pinned ? Infinity : (ref.current?.scrollTop ?? 0)
  const at = layout.anchor && !pinned ? keys.indexOf(layout.anchor.key) : -1
  if (at >= 0) {
    // Placed from the anchor, not from scrollTop: rows just added above must not pull the window away.
    y = -layout.anchor!.top
    for (let i = 0; i < at; i++) y += sizes[i]!
  }
  const { start, end, top, bottom } = windowOf(sizes, y, ref.current?.clientHeight || 600, OVERSCAN)
  layout.keys = keys.slice(start, end)

  const rows = (list: HTMLElement) => list.querySelectorAll<HTMLElement>('ol>.pc-row:not(.pc-greeting)')
  const offset = (list: HTMLElement, row: HTMLElement) => row.getBoundingClientRect().top - list.getBoundingClientRect().top
  function capture(list: HTMLElement) {
    layout.anchor = null
    for (const [i, row] of rows(list).entries()) {
      const top = offset(list, row)
      if (top + row.offsetHeight > 0) return void (layout.anchor = { key: layout.keys[i]!, top })
    }
  }
  const row = (message: ChatMessage) => {
    let element = layout.rows.get(message)
    if (!element) layout.rows.set(message, (element = <MessageItem key={keyOf(message)} message={message} />))
    return element
  }

  /** Rows whose height changed after they were measured (a card that grew): the list follows. */
  function resized(entries: ResizeObserverEntry[]) {
    let changed = false
    for (const { target } of entries) {
      const key = layout.measured.get(target)
      const height = (target as HTMLElement).offsetHeight
      // Zero is "not laid out" (hidden, or just removed): keep what was known.
      if (key === undefined || !height || layout.heights.get(key) === height + GAP) continue
      layout.heights.set(key, height + GAP)
      changed = true
    }
    const list = ref.current
    if (!changed || !list) return
    if (view.pinned.peek()) list.scrollTop = list.scrollHeight
    else rerender(0)
  }
  useEffect(() => () => layout.sizes?.disconnect(), [])

  useLayoutEffect(() => {
    const list = ref.current!
    const shown = rows(list)
    if (!layout.sizes && typeof ResizeObserver === 'function') layout.sizes = new ResizeObserver(resized)
    const current = new Set<Element>()
    shown.forEach((row, i) => {
      current.add(row)
      const key = layout.keys[i]!
      if (layout.measured.get(row) === key) return
      // A new row is measured now (one layout, which placing the list needs anyway); later changes come from the observer.
      layout.measured.set(row, key)
      layout.sizes?.observe(row)
      if (row.offsetHeight) layout.heights.set(key, row.offsetHeight + GAP)
    })
    for (const row of layout.measured.keys()) {
      if (current.has(row)) continue
      layout.measured.delete(row)
      layout.sizes?.unobserve(row)
    }
    if (view.pinned.peek()) {
      list.scrollTop = list.scrollHeight
      // At the bottom, history far above is let go (and read again on the way up): the list stays bounded.
      store.getState().trimOlder()
      return
    }
    if (layout.anchor) {
      const row = shown[layout.keys.indexOf(layout.anchor.key)]
      if (row) list.scrollTop += offset(list, row) - layout.anchor.top
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
          const anchor = layout.anchor?.key
          capture(list)
          // A change of `pinned` renders the list again by itself.
          view.pinned.value = list.scrollHeight - list.scrollTop - list.clientHeight < 24
          if (list.scrollTop < list.clientHeight) void store.getState().loadOlder()
          if (layout.anchor?.key !== anchor) rerender(0)
        }}
      >
        <ol>
          {greeting && (
            <li class="pc-row pc-their pc-greeting">
              <p class="pc-bubble">{greeting}</p>
            </li>
          )}
          {spacer(top)}
          {messages.slice(start, end).map(row)}
          {spacer(bottom)}
        </ol>
      </div>
      <NewMessagesPill />
    </div>
  )
}

/** Shown while something new waits below; it alone re-renders when that changes. */
function NewMessagesPill() {
  const { view, t } = useWidget()
  return view.news.value ? (
    <button type="button" class="pc-button pc-primary pc-pill" onClick={() => (view.pinned.value = true)}>
      {t('newMessages')}
    </button>
  ) : null
}
