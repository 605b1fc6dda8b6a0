import type { Ref } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import type { Look } from './look'
import { Panel } from './panel'
import { useWidget } from './widget-context'

/**
 * Launcher and panel. The launcher steps aside while the panel is open and takes focus back after.
 * Inline, the panel is all there is. Open on load, the panel does not take focus from the page.
 */
export function App({ look }: { look: Pick<Look, 'inline' | 'label'> }) {
  const { view } = useWidget()
  const open = view.open.value
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
  if (open) return <Panel focus={moved.current} onClose={() => (view.open.value = false)} />
  return <Launcher label={look.label} launcher={launcher} />
}

/** The round button; its badge is the unread count, which nothing else re-renders for. */
function Launcher({ label, launcher }: { label: string | undefined; launcher: Ref<HTMLButtonElement> }) {
  const { view, t } = useWidget()
  const unread = view.unread.value
  const name = label ?? t('openChat')
  return (
    <button
      ref={launcher}
      type="button"
      class="pc-launcher"
      // "Open chat (New messages: 2)": the strings the chat already has, so no catalog grows for it.
      aria-label={unread ? `${name} (${t('newMessages')}: ${unread})` : name}
      onClick={() => (view.open.value = true)}
    >
      {label && <span>{label}</span>}
      {unread > 0 && (
        <b class="pc-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </b>
      )}
    </button>
  )
}
