import { useEffect, useRef, useState } from 'preact/hooks'
import { formatMoney } from '../../src/i18n/money'
import type { Money } from '../../src/protocol/types'
import { LOCALE } from './format'

interface HoldActionsProps {
  held: Money
  busy: boolean
  onCapture(): void
  onVoid(): void
}

/**
 * An `authorize` card's hold, settled from the console: Capture charges it; Void releases it, and
 * as it cannot be undone (the payer would have to pay again) it asks first.
 */
export function HoldActions({ held, busy, onCapture, onVoid }: HoldActionsProps) {
  const [confirming, setConfirming] = useState(false)
  const keep = useRef<HTMLButtonElement>(null)
  const amount = formatMoney(held, LOCALE)
  // The button clicked is gone: focus goes to the safe answer, so Enter never voids by accident.
  useEffect(() => {
    if (confirming) keep.current?.focus()
  }, [confirming])
  if (confirming) {
    return (
      <div class="hold-confirm" role="group" aria-label="Void the hold?">
        <p class="warning">Void the hold? {amount} is released and nothing is charged. This cannot be undone.</p>
        <div class="actions">
          <button type="button" class="danger secondary" disabled={busy} onClick={() => (setConfirming(false), onVoid())}>
            Void hold
          </button>
          <button type="button" class="secondary" ref={keep} disabled={busy} onClick={() => setConfirming(false)}>
            Keep hold
          </button>
        </div>
      </div>
    )
  }
  return (
    <div class="actions" aria-busy={busy}>
      <button type="button" disabled={busy} onClick={onCapture} title={`Charge the ${amount} held on the card`}>
        Capture
      </button>
      <button type="button" class="danger secondary" disabled={busy} onClick={() => setConfirming(true)}>
        Void
      </button>
    </div>
  )
}
