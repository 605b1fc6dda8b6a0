import { useEffect, useRef } from 'preact/hooks'
import type { StoreApi } from 'zustand/vanilla'
import type { Look } from './look'
import { Panel } from './panel'
import { useStore } from './use-store'
import { useWidget } from './widget-context'

export interface ViewState {
  open: boolean
  /** Operator messages that came while the chat was closed. */
  unread: number
}

/**
 * Launcher and panel. The launcher steps aside while the panel is open and takes focus back after.
 * Inline, the panel is all there is. Open on load, the panel does not take focus from the page.
 */
export function App({ view, look }: { view: StoreApi<ViewState>; look: Pick<Look, 'inline' | 'label'> }) {
  const { t } = useWidget()
  const open = useStore(view, (s) => s.open)
  const unread = useStore(view, (s) => s.unread)
  const launcher = useRef<HTMLButtonElement>(null)
  const wasOpen = useRef(open)
  /** Opened or closed since mounting: until then (open on load, inline) nobody asked for focus. */
  const moved = useRef(false)
  if (open !== wasOpen.current) moved.current = true

  useEffect(() => {
    if (wasOpen.current && !open) launcher.current?.focus()
    wasOpen.current = open
  }, [open])

  if (look.inline) return <Panel focus={false} />
  if (open) return <Panel focus={moved.current} onClose={() => view.setState({ open: false })} />
  const name = look.label ?? t('openChat')
  return (
    <button
      ref={launcher}
      type="button"
      class="pc-launcher"
      // "Open chat (New messages: 2)": the strings the chat already has, so no catalog grows for it.
      aria-label={unread ? `${name} (${t('newMessages')}: ${unread})` : name}
      onClick={() => view.setState({ open: true })}
    >
      {look.label && <span>{look.label}</span>}
      {unread > 0 && (
        <b class="pc-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </b>
      )}
    </button>
  )
}
