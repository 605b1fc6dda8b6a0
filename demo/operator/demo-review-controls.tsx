import { useState } from 'preact/hooks'
import { t } from './i18n'
import type { ReviewDecision } from './mock-api'

/**
 * Meta reviews templates on its side; the demo server lets the operator play the reviewer. Marked as
 * a demo control so nobody mistakes it for something a real console could do.
 */
interface DemoReviewControlsProps {
  templateId: string
  busy: boolean
  onReview(decision: ReviewDecision, reason: string): void
}

export function DemoReviewControls({ templateId, busy, onReview }: DemoReviewControlsProps) {
  const [reason, setReason] = useState('')
  const id = `demo-reason-${templateId}`
  return (
    <fieldset class="demo-controls">
      <legend>{t('demoReviewer')}</legend>
      <label for={id}>{t('rejectionReason')}</label>
      <input id={id} value={reason} placeholder={t('optional')} onInput={(e) => setReason(e.currentTarget.value)} />
      <button type="button" class="secondary" disabled={busy} onClick={() => onReview('APPROVED', '')}>
        {t('approveDemo')}
      </button>
      <button type="button" class="secondary danger" disabled={busy} onClick={() => onReview('REJECTED', reason.trim())}>
        {t('rejectDemo')}
      </button>
    </fieldset>
  )
}
