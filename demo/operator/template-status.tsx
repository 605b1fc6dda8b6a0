import type { MessageTemplate, TemplateStatus } from '../../src/protocol/types'
import type { ConsoleKey } from './catalogs/en'
import { t } from './i18n'

const LABELS: Record<TemplateStatus, ConsoleKey> = {
  DRAFT: 'tplDraft',
  PENDING: 'tplPending',
  APPROVED: 'tplApproved',
  REJECTED: 'tplRejected',
  PAUSED: 'tplPaused',
  DISABLED: 'tplDisabled',
}

/** Meta locks a template while it reviews it and once approved; every other status may be edited. */
const EDITABLE: ReadonlySet<TemplateStatus> = new Set(['DRAFT', 'REJECTED', 'PAUSED', 'DISABLED'])

export const canEdit = (status: TemplateStatus) => EDITABLE.has(status)
export const canSubmit = (status: TemplateStatus) => status === 'DRAFT' || status === 'REJECTED'
export const canDelete = (status: TemplateStatus) => status !== 'PENDING'

/** The review status as a badge; a rejection carries the reviewer's reason, which says what to fix. */
export function TemplateStatusBadge({ template }: { template: Pick<MessageTemplate, 'status' | 'rejectedReason'> }) {
  return (
    <>
      <span class={`badge badge-${template.status.toLowerCase()}`} title={template.status}>
        {t(LABELS[template.status])}
      </span>
      {template.status === 'REJECTED' && template.rejectedReason && (
        <span class="rejected-reason">{t('rejectedReason', { reason: template.rejectedReason })}</span>
      )}
    </>
  )
}
