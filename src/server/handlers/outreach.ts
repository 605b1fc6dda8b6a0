import type { HttpHandler } from 'msw'
import { json, readBody } from '../http'
import { operatorRoutes } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'
import { sendTemplateMessage } from '../templates/send-template'
import { purchaseCredits } from '../whatsapp/credits'

/** Business-initiated messages: approved templates (any time) and the credits they spend. */
export function outreachHandlers(state: ServerState): HttpHandler[] {
  const guarded = operatorRoutes(state)

  return [
    guarded('post', '/conversations/:id/templates', async ({ request, params }) =>
      json(sendTemplateMessage(state, params.id!, await readBody(request, schema.sendTemplate)), 201),
    ),

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
