import type { HttpHandler } from 'msw'
import { json, readBody } from '../http'
import { rotateWebhookSecret } from '../gateway/gateway-state'
import { settleUnknown } from '../gateway/holds'
import { publicSubscription, runRenewals } from '../gateway/subscriptions'
import { paymentRequestById, sweepExpired } from '../payments'
import { mockRoutes } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'
import { deliverSignedWebhook } from '../whatsapp/deliver-webhook'
import { inboundPayload } from '../whatsapp/inbound-payload'
import { statusPayload } from '../whatsapp/status-payload'
import { notFound } from '../api-error'

/**
 * Controls for tests and the demo: reset, move the clock, settle an unknown payment, act as WhatsApp.
 * The admin's alone (`mockRoutes`). No route gives out a secret: tests sign with the one they created
 * the server with.
 */
export function mockHandlers(state: ServerState): HttpHandler[] {
  const route = mockRoutes(state)
  const clock = () => ({ now: state.clock.iso() })
  return [
    route('post', '/reset', () => {
      state.reset()
      return json(null, 204)
    }),
    route('get', '/clock', clock),
    route('post', '/clock', async ({ request }) => {
      state.clock.advance((await readBody(request, schema.clockAdvance)).advanceMs)
      sweepExpired(state)
      // The gateway charges the renewals the clock passed, and says so by webhook, before this answers.
      await runRenewals(state)
      return clock()
    }),
    route('post', '/whatsapp/inbound', async ({ request }) => {
      await deliverSignedWebhook(state, inboundPayload(state, await readBody(request, schema.mockInbound)))
      return json({ delivered: true })
    }),
    route('get', '/whatsapp/outbox', () => ({ messages: state.whatsappOutbox })),
    // The simulated Cloud API reports progress the way Meta does: a signed status webhook.
    route('post', '/whatsapp/outbox/:id/status', async ({ request, params }) => {
      const report = await readBody(request, schema.mockStatus)
      const sent = state.whatsappOutbox.find((m) => m.id === params.id)
      if (!sent) throw notFound('outbound WhatsApp message')
      const number = state.brands.get(sent.brandId)!.whatsappNumber!
      await deliverSignedWebhook(state, statusPayload(sent, number, report, Math.floor(state.clock.now() / 1000)))
      return sent
    }),
    route('post', '/payment-requests/:id/settle', async ({ request, params }) => {
      const { outcome } = await readBody(request, schema.settle)
      return settleUnknown(state, paymentRequestById(state, params.id!), outcome)
    }),
    // How the subscription's next renewals end (the card on file is approved until told otherwise).
    route('post', '/subscriptions/:id/renewal-outcome', async ({ request, params }) => {
      const { outcome } = await readBody(request, schema.renewalOutcome)
      const subscription = state.gateway.subscriptions.get(params.id!)
      if (!subscription) throw notFound('subscription')
      subscription.renewalOutcome = outcome
      return publicSubscription(subscription)
    }),
    // The merchant rolls its webhook secret: the old one is still signed with and accepted for 24 h.
    route('post', '/gateway/rotate-secret', () => ({ secret: rotateWebhookSecret(state.gateway, state.clock.now()) })),
  ]
}
