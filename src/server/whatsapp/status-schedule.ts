import type { OutboundWhatsApp, ServerState } from '../state'
import { deliverSignedWebhook } from './deliver-webhook'
import { statusPayload } from './status-payload'

const PROGRESS = ['sent', 'delivered', 'read'] as const

/**
 * The simulated phone's side: after a send, `sent`, `delivered` and `read` come back as signed status
 * webhooks after the configured delays (off when `statusDelaysMs` is false). A reset cancels them.
 */
export function scheduleStatuses(state: ServerState, outbound: OutboundWhatsApp): void {
  const delays = state.whatsapp.statusDelaysMs
  if (!delays) return
  PROGRESS.forEach((status, i) => {
    const timer = setTimeout(() => {
      state.timers.delete(timer)
      const number = state.brands.get(outbound.brandId)?.whatsappNumber
      if (!number) return
      const payload = statusPayload(outbound, number, { status }, Math.floor(state.clock.now() / 1000))
      deliverSignedWebhook(state, payload).catch((error: unknown) => console.error('status webhook failed', error))
    }, delays[i])
    // In Node a pending status must not keep the process alive.
    ;(timer as { unref?: () => void }).unref?.()
    state.timers.add(timer)
  })
}
