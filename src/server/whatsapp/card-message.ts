import type { SendTemplateBody } from '../../protocol/types'
import { formatMoney } from '../../i18n/money'
import { ApiFailure } from '../api-error'
import { mergeValues } from '../merge-fields'
import { publicPaymentRequest } from '../payment-view'
import type { PaymentRequestRecord, ServerState, WhatsAppContactRecord } from '../state'
import { renderTemplate } from '../templates/render-template'
import { sendableTemplate } from '../templates/sendable-template'
import type { CloudApiSendRequest } from './cloud-api-request'
import { payButtonRequest, templateRequest } from './outbound'

const PAY_BUTTON = /\/pay\/\{\{1\}\}$/

/**
 * A card as WhatsApp carries it: inside the window a free call-to-action button to its pay link; with
 * a template (required once the window has closed) the template's URL button ends in that link's token.
 * Template parameters may use `{{payment.title}}` and `{{payment.amount}}` besides the contact's fields.
 */
export function cardRequest(
  state: ServerState,
  contact: WhatsAppContactRecord,
  record: PaymentRequestRecord,
  viaTemplate: Omit<SendTemplateBody, 'urlSuffix'> | undefined,
): CloudApiSendRequest {
  const amount = formatMoney(record.price, 'en-US')
  if (!viaTemplate) return payButtonRequest(contact, publicPaymentRequest(record), amount, `${state.publicUrl}/pay/${record.payLinkToken}`)

  const template = sendableTemplate(state, viaTemplate.templateId, record.brandId)
  const buttons = template.components.find((c) => c.type === 'BUTTONS')?.buttons ?? []
  if (!buttons.some((b) => b.type === 'URL' && PAY_BUTTON.test(b.url))) {
    throw new ApiFailure(
      422,
      'template_without_pay_button',
      'To carry a card, the template needs a URL button whose link ends in /pay/{{1}}.',
      'whatsapp.templateId',
    )
  }
  const values = { ...mergeValues(state, record.conversationId), 'payment.title': record.title, 'payment.amount': amount }
  const { parameters } = renderTemplate(template, { parameters: viaTemplate.parameters, urlSuffix: record.payLinkToken }, values)
  return templateRequest(contact, template, parameters, record.payLinkToken)
}
