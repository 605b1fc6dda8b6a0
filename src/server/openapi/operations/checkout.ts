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
      'Either a card (`name`, `number`, `expMonth`, `expYear`, `cvc`) or a `walletToken`; the number must pass the Luhn check and amounts must be whole minor units of the currency. A decline is `200` with `outcome: "failed"`. A price is split across 5 cards at most, and every part but the one paying the rest is at least one major unit of the currency (100 minor units at least); a surcharge is owed on the running total of a brand\'s parts, so splitting never lowers it. A session takes 5 declined attempts and a payment request 10 over all its sessions: then the session closes and the card is stopped (`failure.code` `too_many_attempts`); only a new card can be paid.',
    tag: 'checkout',
    security: 'public',
    pathParams: sessionId,
    parameters: [
      idempotencyKeyHeader(
        true,
        'One per payment attempt, the same when the attempt is retried: the retry gets the first answer back instead of a second charge.',
      ),
    ],
    body: 'CheckoutPayBody',
    responses: {
      200: { json: 'CheckoutPayResult', description: '`paid`, `failed`, `unknown` or `requires_action` (3-D Secure).' },
      400: refusal(400, '`idempotency_key_required`, `invalid_json`, `validation_failed` (with `field`)'),
      ...errors(404),
      409: refusal(409, '`invalid_state`, `payment_status_unknown`, `checkout_complete`, `idempotency_in_progress`'),
      422: refusal(
        422,
        '`checkout_expired`, `amount_too_large`, `amount_too_small`, `too_many_parts`, `split_not_allowed`, `extra_not_allowed`, `surcharge_not_approved`, `wallet_invalid`, `address_unknown`, `idempotency_mismatch`',
      ),
      429: refusal(
        429,
        '`rate_limited` (this client address paid too often: wait `Retry-After` seconds), `too_many_attempts` (this session or its card took all the declined attempts it may: waiting does not help, and there is no `Retry-After`)',
        { retryAfterOptional: true },
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
    parameters: [
      idempotencyKeyHeader(false, 'Optional: the answer sent again with the same key gets the first result back (without one, `409 challenge_done`).'),
    ],
    body: 'ChallengeResultBody',
    responses: {
      200: { json: 'CheckoutPayResult', description: '`pass` makes the charge the attempt asked for; `fail` declines it (a declined attempt, counted as one).' },
      404: refusal(404, '`not_found`: unknown session, or a challenge of another session'),
      409: refusal(409, '`challenge_done`, `invalid_state`, `payment_status_unknown`, `checkout_complete`, `idempotency_in_progress`'),
      422: refusal(422, '`checkout_expired`, `amount_too_large`, `extra_not_allowed`, `idempotency_mismatch`'),
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
      'The only way a payment request moves. Verified (`Paychat-Signature`) before the body is read; then checked whole before anything is recorded: the fields its type needs, an attempt the gateway made for that payment request (by `data.reference`), its amount and currency, and a move the attempt and the card allow (each attempt ends once; only a held amount is captured or voided). A refused event changes nothing and is not marked processed, so a corrected redelivery is applied; an accepted one is applied whole or not at all, then processed once per event id. A charge for a card that can no longer take it is recorded with `needsRefund` and the card does not move. An event for an unknown payment request is acknowledged and ignored.',
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
      400: refusal(400, '`signature_invalid`, `timestamp_out_of_tolerance`, `invalid_json`, `validation_failed` (with `field`: `data.charge` for `charge.succeeded`, …)'),
      409: refusal(409, '`invalid_transition`: a second outcome of one attempt, an event of another kind than its attempt, or a capture or void of a card that holds nothing'),
      422: refusal(422, '`unknown_attempt` (no attempt of that reference for that payment request), `amount_mismatch` (an amount, currency or surcharge that is not the attempt\'s; `field` says which)'),
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
      410: { html: 'A page saying the card can no longer be paid (withdrawn, declined, expired, stopped after too many declined attempts, or its last payment unknown).' },
    },
  },
]
