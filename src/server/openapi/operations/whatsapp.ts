import { refusal, type Operation } from '../operation'

/** Meta's webhook (`handlers/whatsapp.ts`): the subscription handshake and signed deliveries. */
export const whatsappOperations: Operation[] = [
  {
    operationId: 'verifyWhatsAppWebhook',
    method: 'get',
    path: '/v1/webhooks/whatsapp',
    summary: "Meta's subscription handshake",
    tag: 'webhooks',
    security: 'public',
    parameters: [
      { name: 'hub.mode', in: 'query', required: true, description: 'Must be `subscribe`.', schema: { type: 'string', const: 'subscribe' } },
      { name: 'hub.verify_token', in: 'query', required: true, description: 'The verify token the server was given.', schema: { type: 'string' } },
      { name: 'hub.challenge', in: 'query', description: 'Echoed back as the answer.', schema: { type: 'string' } },
    ],
    responses: {
      200: { text: 'The `hub.challenge`, as plain text.' },
      403: refusal(403, '`forbidden`: wrong mode or verify token'),
    },
  },
  {
    operationId: 'receiveWhatsAppWebhook',
    method: 'post',
    path: '/v1/webhooks/whatsapp',
    summary: 'A signed delivery of messages and statuses',
    description: 'The signature covers the exact bytes sent and is verified before the body is parsed. A message id is processed once.',
    tag: 'webhooks',
    security: 'public',
    parameters: [
      {
        name: 'X-Hub-Signature-256',
        in: 'header',
        required: true,
        description: '`sha256=<hex HMAC-SHA256 of the raw body with the app secret>`.',
        schema: { type: 'string', pattern: '^sha256=' },
      },
    ],
    body: 'WhatsAppWebhookPayload',
    responses: {
      200: { json: 'WhatsAppWebhookReceipt', description: 'Taken.' },
      401: refusal(401, '`invalid_signature` (nothing changes)'),
    },
  },
]
