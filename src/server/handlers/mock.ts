import type { HttpHandler } from 'msw'
import { json, readBody } from '../http'
import { paymentRequestById, settleUnknown, sweepExpired } from '../payments'
import { route } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'
import { receiveWebhook } from '../whatsapp/inbound'
import { inboundPayload } from '../whatsapp/inbound-payload'
import { hmacSha256Hex } from '../whatsapp/signature'
import { statusPayload } from '../whatsapp/status-payload'
import { notFound } from '../api-error'

/** Controls for tests and the demo: reset, move the clock, settle an unknown payment, act as WhatsApp. */
export function mockHandlers(state: ServerState): HttpHandler[] {
  const clock = () => ({ now: state.clock.iso() })
  return [
    route('post', '/v1/mock/reset', () => {
      state.reset()
      return json(null, 204)
    }),
    route('get', '/v1/mock/clock', clock),
    route('post', '/v1/mock/clock', async ({ request }) => {
      state.clock.advance((await readBody(request, schema.clockAdvance)).advanceMs)
      sweepExpired(state)
      return clock()
    }),
    route('post', '/v1/mock/whatsapp/inbound', async ({ request }) => {
      const input = await readBody(request, schema.mockInbound)
      const raw = JSON.stringify(inboundPayload(state, input))
      await receiveWebhook(state, raw, `sha256=${await hmacSha256Hex(state.whatsapp.appSecret, raw)}`)
      return json({ delivered: true })
    }),
    route('get', '/v1/mock/whatsapp/outbox', () => ({ messages: state.whatsappOutbox })),
    // The simulated Cloud API reports progress the way Meta does: a signed status webhook.
    route('post', '/v1/mock/whatsapp/outbox/:id/status', async ({ request, params }) => {
      const { status } = await readBody(request, schema.mockStatus)
      const sent = state.whatsappOutbox.find((m) => m.id === params.id)
      if (!sent) throw notFound('outbound WhatsApp message')
      const number = state.brands.get(sent.brandId)!.whatsappNumber!
      const raw = JSON.stringify(statusPayload(sent, number, status, Math.floor(state.clock.now() / 1000)))
      await receiveWebhook(state, raw, `sha256=${await hmacSha256Hex(state.whatsapp.appSecret, raw)}`)
      return sent
    }),
    route('post', '/v1/mock/payment-requests/:id/settle', async ({ request, params }) => {
      const { outcome } = await readBody(request, schema.settle)
      return settleUnknown(state, paymentRequestById(state, params.id!), outcome)
    }),
  ]
}
