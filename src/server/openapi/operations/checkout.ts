import { errors, refusal, type Operation } from '../operation'
import { idempotencyKeyHeader } from './parameters'

const sessionId = { id: 'The checkout session id (`cs_…`): knowing it is the permission.' }

/** What the hosted checkout page calls (`handlers/checkout.ts`), the gateway's webhook, and the WhatsApp pay link. */
export const checkoutOperations: Operation[] = [
  {
    operationId: 'getCheckoutSession',
    method: 'get',
    path: '/v1/checkout/sessions/:id',
    summary: 'What the checkout page shows',
    tag: 'checkout',
    security: 'public',
    pathParams: sessionId,
    responses: { 200: { json: 'CheckoutSessionView', description: 'The session, its card and what is left to pay.' }, ...errors(404) },
  },
  {
    operationId: 'payCheckout',
    method: 'post',
    path: '/v1/checkout/sessions/:id/pay',
    summary: 'Pay with a card or the wallet',
    description:
      'Either a card (`name`, `number`, `expMonth`, `expYear`, `cvc`) or a `walletToken`; the number must pass the Luhn check and amounts must be whole minor units of the currency. A decline is `200` with `outcome: "failed"`.',
    tag: 'checkout',
    security: 'public',
    pathParams: sessionId,
    parameters: [
      idempotencyKeyHeader(false, 'Optional: a retry with the same key and details gets the first answer back instead of a second charge.'),
    ],
    body: 'CheckoutPayBody',
    responses: {
      200: { json: 'CheckoutPayResult', description: '`paid`, `failed`, `unknown` or `requires_action` (3-D Secure).' },
      ...errors(404),
      409: refusal(409, '`invalid_state`, `payment_status_unknown`, `checkout_complete`, `idempotency_in_progress`'),
      422: refusal(
        422,
        '`checkout_expired`, `amount_too_large`, `split_not_allowed`, `extra_not_allowed`, `surcharge_not_approved`, `wallet_invalid`, `address_unknown`, `idempotency_mismatch`',
      ),
    },
  },
  {
    operationId: 'completeChallenge',
    method: 'post',
    path: '/v1/checkout/sessions/:id/challenges/:challengeId',
    summary: "Answer the bank's extra step (3-D Secure)",
    tag: 'checkout',
    security: 'public',
    pathParams: { ...sessionId, challengeId: 'The challenge (`chl_…`) of a `requires_action` answer.' },
    body: 'ChallengeResultBody',
    responses: {
      200: { json: 'CheckoutPayResult', description: '`pass` makes the charge the attempt asked for; `fail` declines it.' },
      404: refusal(404, '`not_found`: unknown session, or a challenge of another session'),
      409: refusal(409, '`challenge_done`, `invalid_state`, `payment_status_unknown`, `checkout_complete`'),
      422: refusal(422, '`checkout_expired`, `amount_too_large`, `extra_not_allowed`'),
    },
  },
  {
    operationId: 'walletSignIn',
    method: 'post',
    path: '/v1/checkout/sessions/:id/wallet/sign-in',
    summary: 'Sign in to the simulated wallet',
    tag: 'checkout',
    security: 'public',
    pathParams: sessionId,
    body: 'WalletSignInBody',
    responses: {
      200: { json: 'WalletSignIn', description: 'A wallet token for this session, its addresses and its card.' },
      401: refusal(401, '`wallet_sign_in_failed`'),
      404: refusal(404, '`not_found`, `wallet_unavailable` (the brand has no wallet gateway)'),
      422: refusal(422, '`checkout_expired`'),
    },
  },
  {
    operationId: 'cancelCheckout',
    method: 'post',
    path: '/v1/checkout/sessions/:id/cancel',
    summary: 'The payer left the page',
    description: 'Only this session ends: what was paid stays paid, and Pay now opens a fresh one.',
    tag: 'checkout',
    security: 'public',
    pathParams: sessionId,
    body: 'CancelCheckoutBody',
    responses: { 200: { json: 'CheckoutSessionView', description: 'The session, ended.' }, ...errors(404) },
  },
  {
    operationId: 'receiveGatewayWebhook',
    method: 'post',
    path: '/v1/webhooks/gateway',
    summary: "The payment gateway's signed events",
    description:
      'The only way a payment request moves. Verified (`Paychat-Signature`) before the body is read; processed once per event id; an event for an unknown payment request is acknowledged and ignored.',
    tag: 'webhooks',
    security: 'public',
    parameters: [
      {
        name: 'Paychat-Signature',
        in: 'header',
        required: true,
        description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=…]`, within 5 minutes of the server clock.',
        schema: { type: 'string' },
      },
    ],
    body: 'GatewayEvent',
    responses: {
      200: { json: 'GatewayWebhookReceipt', description: 'Taken (`duplicate: true` for a redelivery, which changes nothing).' },
      400: refusal(400, '`signature_invalid`, `timestamp_out_of_tolerance`, `invalid_json`, `validation_failed`'),
    },
  },
  {
    operationId: 'followPayLink',
    method: 'get',
    path: '/pay/:token',
    summary: 'The link a WhatsApp card’s button opens',
    description: 'Holding the token is the permission, as with a checkout session id.',
    tag: 'checkout',
    security: 'public',
    pathParams: { token: 'The card’s pay-link token (`pl_…`).' },
    responses: {
      303: { redirect: "To the card's open checkout page (opened when needed), or to its last one once paid, held or saved." },
      404: { html: 'A page saying the link is not valid.' },
      410: { html: 'A page saying the card can no longer be paid (withdrawn, declined, expired, or its last payment unknown).' },
    },
  },
]
