import { useEffect, useRef } from 'preact/hooks'
import type { CheckoutHost } from './host'

/** How long a payable page may sit without any input before it gives the checkout up. */
export const IDLE_TIMEOUT_MS = 15 * 60_000

/**
 * Calls `onIdle` once `IDLE_TIMEOUT_MS` pass without a call to the returned `touch` while `active`.
 * An abandoned page should not hold a checkout (and the card in the chat) open for a day.
 */
export function useIdleTimeout(host: CheckoutHost, active: boolean, onIdle: () => void): () => void {
  const stop = useRef<(() => void) | null>(null)
  // The latest callback, so a timer set several renders ago still cancels the session as it is now.
  const latest = useRef(onIdle)
  latest.current = onIdle

  function touch() {
    stop.current?.()
    stop.current = active ? host.after(IDLE_TIMEOUT_MS, () => latest.current()) : null
  }

  useEffect(() => {
    touch()
    return () => stop.current?.()
  }, [active, host])

  return touch
}
