import { useEffect, useRef } from 'preact/hooks'
import type { StoreApi } from 'zustand/vanilla'
import { Panel } from './panel'
import { useStore } from './use-store'
import { useWidget } from './widget-context'

export interface ViewState {
  open: boolean
}

/** Launcher and panel. The launcher steps aside while the panel is open and takes focus back after. */
export function App({ view }: { view: StoreApi<ViewState> }) {
  const { t } = useWidget()
  const open = useStore(view, (s) => s.open)
  const launcher = useRef<HTMLButtonElement>(null)
  const wasOpen = useRef(open)

  useEffect(() => {
    if (wasOpen.current && !open) launcher.current?.focus()
    wasOpen.current = open
  }, [open])

  return open ? (
    <Panel onClose={() => view.setState({ open: false })} />
  ) : (
    <button ref={launcher} type="button" class="pc-launcher" aria-label={t('openChat')} onClick={() => view.setState({ open: true })}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M4 5h16v11H9l-5 4z" />
      </svg>
    </button>
  )
}
