import type { HttpHandler } from 'msw'
import type { Credits, OperatorProfile } from '../../protocol/types'
import { inReach, reaches, refuseOutOfReach } from '../access'
import { json, readBody } from '../http'
import { operatorRoutes } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'
import { sendTemplateMessage } from '../templates/send-template'
import { purchaseCredits } from '../whatsapp/credits'

/**
 * Business-initiated messages: approved templates (any time) and the credits they spend. Credits are
 * one balance for the whole business, as Meta bills one WhatsApp Business account: every operator reads
 * it (a template send spends it), only an admin buys credits or sets auto-recharge. An agent's ledger
 * leaves out what other brands' templates spent.
 */
export function outreachHandlers(state: ServerState): HttpHandler[] {
  const guarded = operatorRoutes(state)
  const adminOnly = operatorRoutes(state, '', 'admin')
  const creditsFor = (operator: OperatorProfile): Credits => ({
    ...state.credits,
    ledger: state.credits.ledger.filter((entry) => reaches(operator, entry)),
  })

  return [
    guarded('post', '/conversations/:id/templates', async ({ request, params, operator }) => {
      const conversation = inReach(operator, state.conversations.get(params.id!), 'conversation')
      const body = await readBody(request, schema.sendTemplate)
      refuseOutOfReach(operator, state.templates.get(body.templateId), 'template')
      return json(sendTemplateMessage(state, conversation.id, body), 201)
    }),

    guarded('get', '/credits', ({ operator }) => creditsFor(operator)),
    adminOnly('post', '/credits/purchase', async ({ request, operator }) => {
      purchaseCredits(state, (await readBody(request, schema.creditPurchase)).amount)
      return creditsFor(operator)
    }),
    adminOnly('put', '/credits/auto-recharge', async ({ request, operator }) => {
      state.credits.autoRecharge = await readBody(request, schema.autoRecharge)
      return creditsFor(operator)
    }),
  ]
}
