import type { HttpHandler } from 'msw'
import { ApiFailure } from '../api-error'
import { json, readRawBody, safeEqual } from '../http'
import { route } from '../route'
import type { ServerState } from '../state'
import { receiveWebhook } from '../whatsapp/inbound'

/** Meta's webhook: the subscription handshake, and signed deliveries of messages and statuses. */
export function whatsappWebhookHandlers(state: ServerState): HttpHandler[] {
  return [
    route('get', '/v1/webhooks/whatsapp', ({ request }) => {
      const query = new URL(request.url).searchParams
      const token = query.get('hub.verify_token') ?? ''
      if (query.get('hub.mode') !== 'subscribe' || !safeEqual(token, state.whatsapp.verifyToken)) {
        throw new ApiFailure(403, 'forbidden', 'hub.mode must be "subscribe" and hub.verify_token must match.')
      }
      return new Response(query.get('hub.challenge') ?? '', { headers: { 'content-type': 'text/plain' } })
    }),

    route('post', '/v1/webhooks/whatsapp', async ({ request }) => {
      // The signature covers the exact bytes sent, so the raw text is verified before any parsing.
      const raw = await readRawBody(request)
      await receiveWebhook(state, raw, request.headers.get('x-hub-signature-256'))
      return json({ received: true })
    }),
  ]
}
