import type { TemplateCategory } from '../../protocol/types'
import { newId } from '../ids'
import type { OutboundWhatsApp, ServerState, WhatsAppContactRecord } from '../state'
import { CloudApiError } from './cloud-api-error'
import type { CloudApiSendRequest, CloudApiSendResponse } from './cloud-api-request'
import { canAfford, spendCredits, TEMPLATE_COST } from './credits'
import { scheduleStatuses } from './status-schedule'
import { checkTemplateParameters } from './template-check'
import { CUSTOMER_SERVICE_WINDOW_MS } from './window'

/** What a status webhook reports about a message's price (Meta's per-message pricing). */
export interface Pricing {
  billable: boolean
  pricing_model: 'PMP'
  type: 'regular' | 'free_customer_service'
  category: Lowercase<TemplateCategory> | 'service'
}

interface SendPlan {
  contact: WhatsAppContactRecord
  text: string
  cost: number
  pricing: Pricing
  note: string
}

/**
 * Judges a send the way the Cloud API does, without sending or spending: the recipient, the 24-hour
 * window for anything but a template, the template's status and parameters, and the credit balance.
 * Throws a CloudApiError with Meta's code.
 */
export function checkSend(state: ServerState, brandId: string, request: CloudApiSendRequest): SendPlan {
  const contact = state.whatsappContacts.get(request.to)
  if (!contact || contact.brandId !== brandId) {
    throw new CloudApiError(131026, 'The recipient has never written to this business number, and only the customer can open a conversation.')
  }
  const windowOpen = state.clock.now() - contact.lastInboundAt < CUSTOMER_SERVICE_WINDOW_MS
  const free: Pricing = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' }

  if (request.type !== 'template') {
    if (!windowOpen) {
      throw new CloudApiError(
        131047,
        'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      )
    }
    const text = request.type === 'text' ? request.text.body : `${request.interactive.body.text}\n${request.interactive.action.parameters.url}`
    return { contact, text, cost: 0, pricing: free, note: '' }
  }

  const { name, language } = request.template
  const template = [...state.templates.values()].find(
    (t) => t.brandId === brandId && t.name === name && t.language === language.code,
  )
  if (!template) throw new CloudApiError(132001, `template name (${name}) does not exist in ${language.code}`)
  if (template.status === 'PAUSED') throw new CloudApiError(132015, `template (${name}) is paused because of low quality`)
  if (template.status === 'DISABLED') throw new CloudApiError(132016, `template (${name}) is disabled`)
  if (template.status !== 'APPROVED') {
    throw new CloudApiError(132001, `template (${name}) in ${language.code} is ${template.status}, not approved`)
  }
  const text = checkTemplateParameters(template, request.template.components ?? [])
  // Utility templates inside an open window are free, like replies; the rest is charged by category.
  const category = template.category.toLowerCase() as Lowercase<TemplateCategory>
  const isFree = windowOpen && template.category === 'UTILITY'
  const cost = isFree ? 0 : TEMPLATE_COST[template.category]
  if (!canAfford(state, cost)) {
    throw new CloudApiError(
      131042,
      `Message failed to send because there were one or more errors related to your payment method: it needs ${cost} credits and the balance is ${state.credits.balance}.`,
    )
  }
  const pricing: Pricing = { billable: !isFree, pricing_model: 'PMP', type: isFree ? 'free_customer_service' : 'regular', category }
  return { contact, text, cost, pricing, note: `${template.category} template "${template.name}"` }
}

/** The simulated `POST /{phone-number-id}/messages`: checked, charged, recorded, and later reported on. */
export function cloudApiSend(
  state: ServerState,
  brandId: string,
  request: CloudApiSendRequest,
  messageId: string | null = null,
): { outbound: OutboundWhatsApp; response: CloudApiSendResponse } {
  const plan = checkSend(state, brandId, request)
  spendCredits(state, plan.cost, plan.note, brandId)
  const outbound: OutboundWhatsApp = {
    id: newId('wamid'),
    messageId,
    to: plan.contact.id,
    brandId,
    conversationId: plan.contact.conversationId,
    type: request.type,
    text: plan.text,
    request,
    pricing: plan.pricing,
    status: 'accepted',
    createdAt: state.clock.iso(),
  }
  state.whatsappOutbox.push(outbound)
  scheduleStatuses(state, outbound)
  return {
    outbound,
    response: {
      messaging_product: 'whatsapp',
      contacts: [{ input: request.to, wa_id: plan.contact.id }],
      messages: [{ id: outbound.id, message_status: 'accepted' }],
    },
  }
}
