import type { Message, MessageDelivery, SendTemplateBody } from '../../protocol/types'
import { addMessage, conversationById } from '../conversations'
import { mergeValues } from '../merge-fields'
import type { ServerState } from '../state'
import { relayToWhatsApp, templateRequest } from '../whatsapp/outbound'
import { contactRecordOf } from '../whatsapp/window'
import { renderTemplate } from './render-template'
import { sendableTemplate } from './sendable-template'

/** Posts a template in the chat as the brand; on WhatsApp the Cloud API decides first (status, parameters, credits). */
export function sendTemplateMessage(state: ServerState, conversationId: string, { templateId, ...input }: SendTemplateBody): Message {
  const conversation = conversationById(state, conversationId)
  const template = sendableTemplate(state, templateId, conversation.brandId)
  const { rendered, parameters } = renderTemplate(template, input, mergeValues(state, conversation.id))
  const brand = state.brands.get(conversation.brandId)
  const add = (delivery?: MessageDelivery) =>
    addMessage(state, conversation.id, {
      author: { role: 'operator', name: brand?.name ?? null },
      text: rendered.body,
      template: rendered,
      delivery: delivery ?? null,
    }).message
  const contact = contactRecordOf(state, conversation.id)
  return contact ? relayToWhatsApp(state, contact, templateRequest(contact, template, parameters, input.urlSuffix), add) : add()
}
