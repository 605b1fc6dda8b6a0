import { errors, refusal, type Operation } from '../operation'

/** Business-initiated messages and the credits they spend (`handlers/outreach.ts`). */
export const outreachOperations: Operation[] = [
  {
    operationId: 'sendTemplateMessage',
    method: 'post',
    path: '/v1/operator/conversations/:id/templates',
    summary: 'Send an approved template',
    description: 'Values may hold merge fields. On WhatsApp also sent there, any time.',
    tag: 'outreach',
    security: 'operator',
    pathParams: { id: 'A conversation (`conv_…`).' },
    body: 'SendTemplateBody',
    responses: {
      201: { json: 'Message', description: 'The message (type `template`, rendered).' },
      402: refusal(402, '`insufficient_credits`: nothing was sent or spent'),
      ...errors(404),
      409: refusal(409, '`template_not_approved`, `template_paused`, `template_disabled`'),
      422: refusal(422, '`parameter_mismatch`, `parameter_format`, `brand_mismatch`, `whatsapp_undeliverable`'),
    },
  },
  {
    operationId: 'getCredits',
    method: 'get',
    path: '/v1/operator/credits',
    summary: 'The WhatsApp credit balance and ledger',
    description: 'One balance for the whole business; an agent’s ledger leaves out what other brands’ templates spent.',
    tag: 'outreach',
    security: 'operator',
    responses: { 200: { json: 'Credits', description: 'Balance, auto-recharge and ledger.' } },
  },
  {
    operationId: 'purchaseCredits',
    method: 'post',
    path: '/v1/operator/credits/purchase',
    summary: 'Buy credits',
    tag: 'outreach',
    security: 'admin',
    body: 'CreditPurchaseBody',
    responses: { 200: { json: 'Credits', description: 'After the purchase.' } },
  },
  {
    operationId: 'setAutoRecharge',
    method: 'put',
    path: '/v1/operator/credits/auto-recharge',
    summary: 'Set auto-recharge',
    tag: 'outreach',
    security: 'admin',
    body: 'AutoRechargeBody',
    responses: { 200: { json: 'Credits', description: 'With the new setting.' } },
  },
]
