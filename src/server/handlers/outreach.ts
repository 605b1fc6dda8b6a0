import type { HttpHandler } from 'msw'
import type { MessageDelivery } from '../../protocol/types'
import { ApiFailure, notFound } from '../api-error'
import { addMessage, conversationById } from '../conversations'
import { json, readBody } from '../http'
import { mergeValues } from '../merge-fields'
import { operatorRoutes } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'
import { renderTemplate } from '../templates/render-template'
import { purchaseCredits } from '../whatsapp/credits'
import { relayToWhatsApp, templateRequest } from '../whatsapp/outbound'
import { contactRecordOf } from '../whatsapp/window'

const NOT_SENDABLE: Record<string, string> = {
  PAUSED: 'template_paused',
  DISABLED: 'template_disabled',
}

/** Business-initiated messages: approved templates (any time) and the credits they spend. */
export function outreachHandlers(state: ServerState): HttpHandler[] {
  const guarded = operatorRoutes(state)

  return [
    guarded('post', '/conversations/:id/templates', async ({ request, params }) => {
      const conversation = conversationById(state, params.id!)
      const { templateId, ...input } = await readBody(request, schema.sendTemplate)
      const template = state.templates.get(templateId)
      if (!template) throw notFound('template')
      if (template.brandId !== conversation.brandId) {
        throw new ApiFailure(422, 'brand_mismatch', 'This template belongs to another brand than the conversation.', 'templateId')
      }
      if (template.status !== 'APPROVED') {
        const code = NOT_SENDABLE[template.status] ?? 'template_not_approved'
        throw new ApiFailure(409, code, `Only an APPROVED template can be sent; this one is ${template.status}.`)
      }
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
      // On WhatsApp the Cloud API decides (status, parameters, credits) before anything shows in the chat.
      const message = contact
        ? relayToWhatsApp(state, contact, templateRequest(contact, template, parameters, input.urlSuffix), add)
        : add()
      return json(message, 201)
    }),

    guarded('get', '/credits', () => state.credits),
    guarded('post', '/credits/purchase', async ({ request }) =>
      purchaseCredits(state, (await readBody(request, schema.creditPurchase)).amount),
    ),
    guarded('put', '/credits/auto-recharge', async ({ request }) => {
      state.credits.autoRecharge = await readBody(request, schema.autoRecharge)
      return state.credits
    }),
  ]
}
