import type { HttpHandler } from 'msw'
import type { MessageDelivery } from '../../protocol/types'
import { addMessage, conversationById } from '../conversations'
import { json, readBody } from '../http'
import { mergeValues } from '../merge-fields'
import { operatorRoutes } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'
import { renderTemplate } from '../templates/render-template'
import { sendableTemplate } from '../templates/sendable-template'
import { purchaseCredits } from '../whatsapp/credits'
import { relayToWhatsApp, templateRequest } from '../whatsapp/outbound'
import { contactRecordOf } from '../whatsapp/window'

/** Business-initiated messages: approved templates (any time) and the credits they spend. */
export function outreachHandlers(state: ServerState): HttpHandler[] {
  const guarded = operatorRoutes(state)

  return [
    guarded('post', '/conversations/:id/templates', async ({ request, params }) => {
      const conversation = conversationById(state, params.id!)
      const { templateId, ...input } = await readBody(request, schema.sendTemplate)
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
