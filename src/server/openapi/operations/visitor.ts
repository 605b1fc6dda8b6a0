import { errors, refusal, type Operation } from '../operation'
import { querySchemas } from '../requests'
import { idempotencyKeyHeader, lastEventIdHeader, lastEventIdQuery } from './parameters'

const conversationId = { id: "The visitor's own conversation (`conv_…`): another one is 403, an unknown one 404." }
const paymentRequestId = { id: 'A payment request (`pr_…`) of the visitor’s conversation.' }

/** The widget's API (`handlers/visitor.ts`): a session token reaches only that visitor's conversation. */
export const visitorOperations: Operation[] = [
  {
    operationId: 'createSession',
    method: 'post',
    path: '/v1/sessions',
    summary: 'Start a visitor session, or resume one',
    description:
      'Open to anyone with the (public) widget key. Counted against the client address’s rate limit. `200` with `resumed: true` when `sessionToken` is still valid for this widget key, else a new session (`201`).',
    tag: 'visitor',
    security: 'public',
    body: 'CreateSessionBody',
    responses: {
      201: { json: 'SessionResponse', description: 'A new session and its empty conversation.' },
      200: { json: 'SessionResponse', description: 'The session of `sessionToken`, resumed.' },
      ...errors(403, 429),
      401: refusal(401, '`identity_invalid`: `visitor.userHash` is not the brand’s HMAC-SHA256 of `visitor.email`'),
      404: refusal(404, '`unknown_widget_key`'),
    },
  },
  {
    operationId: 'identify',
    method: 'post',
    path: '/v1/identify',
    summary: 'Identify the visitor (identity verification)',
    description:
      '`userHash` is the hex HMAC-SHA256 of `email` with the brand’s identity secret, made by the host page’s server. On success the visitor’s name and email are set and the conversation is marked verified (`visitorVerified`); a wrong hash changes nothing.',
    tag: 'visitor',
    security: 'visitor',
    body: 'IdentifyBody',
    responses: {
      200: { json: 'IdentifyResponse', description: 'The visitor as now known.' },
      401: refusal(401, '`identity_invalid` (wrong hash), or no valid session token'),
    },
  },
  {
    operationId: 'listMessages',
    method: 'get',
    path: '/v1/conversations/:id/messages',
    summary: 'A page of messages, oldest first',
    tag: 'visitor',
    security: 'visitor',
    pathParams: conversationId,
    parameters: [
      { name: 'before', in: 'query', description: 'A message id: the page ends just before it.', schema: querySchemas.page.shape.before },
      { name: 'limit', in: 'query', description: 'Messages per page.', schema: querySchemas.page.shape.limit },
    ],
    responses: {
      200: { json: 'MessagePage', description: 'The page, with `lastEventId` to subscribe from.' },
      400: refusal(400, '`validation_failed` on `before` (no such message) or `limit`'),
      ...errors(404),
    },
  },
  {
    operationId: 'sendMessage',
    method: 'post',
    path: '/v1/conversations/:id/messages',
    summary: 'Send a visitor message',
    description: 'The same `clientId` never makes a second message.',
    tag: 'visitor',
    security: 'visitor',
    pathParams: conversationId,
    body: 'SendMessageBody',
    responses: {
      201: { json: 'Message', description: 'The new message.' },
      200: { json: 'Message', description: 'The message already sent with this `clientId` and the same text.' },
      ...errors(404),
      422: refusal(422, '`idempotency_mismatch` (the `clientId` was used for other text), `message_too_long` (over 4000 characters once trimmed)'),
    },
  },
  {
    operationId: 'conversationEvents',
    method: 'get',
    path: '/v1/conversations/:id/events',
    summary: 'The conversation’s events (SSE)',
    description:
      'Each event is `id: <n>`, `event: <type>`, `data: <ConversationEvent JSON>`; a `replay.incomplete` event (`ReplayIncompleteEvent`, no id) replaces a replay the server can no longer give. Opens with `retry: 2000`; a `: ping` comment every 15 s.',
    tag: 'visitor',
    security: 'visitor',
    pathParams: conversationId,
    parameters: [lastEventIdHeader, lastEventIdQuery],
    responses: {
      200: { events: ['ConversationEvent', 'ReplayIncompleteEvent'], description: 'The event stream.' },
      ...errors(404),
    },
  },
  {
    operationId: 'handoffToWhatsApp',
    method: 'post',
    path: '/v1/conversations/:id/handoff/whatsapp',
    summary: 'Continue the conversation on WhatsApp',
    tag: 'visitor',
    security: 'visitor',
    pathParams: conversationId,
    responses: {
      200: { json: 'WhatsAppHandoff', description: 'A `wa.me` link whose prefilled text carries a single-use code.' },
      ...errors(404),
      422: refusal(422, '`whatsapp_unavailable`: the brand has no WhatsApp number'),
    },
  },
  {
    operationId: 'getPaymentRequest',
    method: 'get',
    path: '/v1/payment-requests/:id',
    summary: 'A card of the visitor’s conversation',
    tag: 'visitor',
    security: 'visitor',
    pathParams: paymentRequestId,
    responses: { 200: { json: 'PaymentRequest', description: 'The card as it is now.' }, ...errors(404) },
  },
  {
    operationId: 'openCheckout',
    method: 'post',
    path: '/v1/payment-requests/:id/checkout',
    summary: 'Pay now: open (or return) the card’s checkout session',
    description:
      'Allowed from `pending`, `checkout_open` and `failed` (not once the card was stopped after too many declined attempts). While a session is open every call returns it; the same key for the same card returns the same answer for 24 h.',
    tag: 'visitor',
    security: 'visitor',
    pathParams: paymentRequestId,
    parameters: [idempotencyKeyHeader(true, 'Required (1-255 characters): a retry with the same key cannot open or pay twice.')],
    responses: {
      200: { json: 'CheckoutSessionLink', description: 'The checkout session to open; the card is `checkout_open`.' },
      400: refusal(400, '`idempotency_key_required`, `validation_failed` on the key'),
      ...errors(404),
      409: refusal(409, '`payment_status_unknown`, `invalid_state`'),
      422: refusal(422, '`idempotency_mismatch`: the key was used for another card'),
      429: refusal(
        429,
        '`rate_limited` (wait `Retry-After` seconds), `too_many_attempts` (the card was stopped after too many declined attempts: only a new card can be paid; no `Retry-After`)',
        { retryAfterOptional: true },
      ),
    },
  },
  {
    operationId: 'declinePaymentRequest',
    method: 'post',
    path: '/v1/payment-requests/:id/decline',
    summary: 'The visitor’s Cancel on a card',
    tag: 'visitor',
    security: 'visitor',
    pathParams: paymentRequestId,
    responses: {
      200: { json: 'PaymentRequest', description: 'The card, `declined` (again 200 when already declined).' },
      ...errors(404),
      409: refusal(409, '`partially_paid` (part of a split is paid), `invalid_state`'),
    },
  },
]
