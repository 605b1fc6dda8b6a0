import { useEffect, useRef, useState } from 'preact/hooks'
import type { Money } from '../../src/protocol/types'
import { money, t } from './i18n'

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
  const amount = money(held)
  // The button clicked is gone: focus goes to the safe answer, so Enter never voids by accident.
  useEffect(() => {
    if (confirming) keep.current?.focus()
  }, [confirming])
  if (confirming) {
    return (
      <div class="hold-confirm" role="group" aria-label={t('voidQuestion')}>
        <p class="warning">{t('voidWarning', { amount })}</p>
        <div class="actions">
          <button type="button" class="danger secondary" disabled={busy} onClick={() => (setConfirming(false), onVoid())}>
            {t('voidHold')}
          </button>
          <button type="button" class="secondary" ref={keep} disabled={busy} onClick={() => setConfirming(false)}>
            {t('keepHold')}
          </button>
        </div>
      </div>
    )
  }
  return (
    <div class="actions" aria-busy={busy}>
      <button type="button" disabled={busy} onClick={onCapture} title={t('captureTitle', { amount })}>
        {t('capture')}
      </button>
      <button type="button" class="danger secondary" disabled={busy} onClick={() => setConfirming(true)}>
        {t('void')}
      </button>
    </div>
  )
}
