import type { MessageTemplate } from '../../src/protocol/types'
import { DemoReviewControls } from './demo-review-controls'
import { t } from './i18n'
import type { ReviewDecision } from './mock-api'
import { canDelete, canEdit, canSubmit, TemplateStatusBadge } from './template-status'

interface TemplateRowProps {
  template: MessageTemplate
  brandName: string
  busy: boolean
  onEdit(): void
  /** Null when this operator may not submit (an agent): the button is not offered. */
  onSubmit: (() => void) | null
  onDelete(): void
  /** The demo reviewer's decision; null when this operator may not play the reviewer (an agent). */
  onReview: ((decision: ReviewDecision, reason: string) => void) | null
}

/** One template in the list: what it is, where its review stands, and what its status allows. */
export function TemplateRow({ template, brandName, busy, ...on }: TemplateRowProps) {
  const { status } = template
  return (
    <article class="template-row" aria-label={`${template.name} (${template.language})`}>
      <p class="template-row-top">
        <span class="template-name">{template.name}</span>
        <TemplateStatusBadge template={template} />
      </p>
      <p class="template-row-meta">
        {template.language} · {template.category} · {brandName}
      </p>
      <div class="actions">
        {canEdit(status) && (
          <button type="button" class="secondary" disabled={busy} onClick={on.onEdit}>
            {t('edit')}
          </button>
        )}
        {canSubmit(status) && on.onSubmit && (
          <button type="button" disabled={busy} onClick={on.onSubmit}>
            {t('submitForReview')}
          </button>
        )}
        {canDelete(status) && (
          <button type="button" class="secondary danger" disabled={busy} onClick={on.onDelete}>
            {t('delete')}
          </button>
        )}
      </div>
      {status === 'PENDING' && on.onReview && <DemoReviewControls templateId={template.id} busy={busy} onReview={on.onReview} />}
    </article>
  )
}
