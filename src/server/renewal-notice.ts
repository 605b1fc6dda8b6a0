import type { PaymentFailure } from '../protocol/types'
import { formatMoney } from '../i18n/money'
import { addMessage } from './conversations'
import { mergeValues } from './merge-fields'
import type { PaymentRequestRecord, ServerState } from './state'
import { sendTemplateMessage } from './templates/send-template'
import { contactRecordOf } from './whatsapp/window'

/** The approved UTILITY template a brand sends on WhatsApp when a renewal fails (see the seed). */
export const RENEWAL_FAILED_TEMPLATE = 'payment_failed'

/**
 * Tells the conversation that a renewal failed; on WhatsApp, where free text may be outside the 24-hour
 * window, also sends the brand's approved `payment_failed` template when it has one. A refusal from
 * the Cloud API (no credits, paused template) leaves the chat's system line as the notice.
 */
export function notifyRenewalFailed(state: ServerState, record: PaymentRequestRecord, failure: PaymentFailure): void {
  const amount = formatMoney(record.price, 'en')
  addMessage(state, record.conversationId, {
    author: { role: 'system', name: null },
    text: `The renewal payment of ${amount} for ${record.title} did not go through: ${failure.message}`,
  })
  if (!contactRecordOf(state, record.conversationId)) return
  const template = [...state.templates.values()].find(
    (t) => t.brandId === record.brandId && t.name === RENEWAL_FAILED_TEMPLATE && t.category === 'UTILITY' && t.status === 'APPROVED',
  )
  if (!template) return
  const name = mergeValues(state, record.conversationId)['contact.first_name'] || 'there'
  try {
    sendTemplateMessage(state, record.conversationId, { templateId: template.id, parameters: [name, amount, record.title] })
  } catch {
    // Already said in the chat; the operator sees the failed send nowhere else, which is acceptable for a notice.
  }
}
