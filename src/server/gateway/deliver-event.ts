import { newId } from '../ids'
import { receiveGatewayWebhook } from '../payment-webhook'
import type { ServerState } from '../state'
import type { GatewayEvent, GatewayEventData, GatewayEventType } from './gateway-event'
import { activeSecrets } from './gateway-state'
import { signatureHeader } from './signature'

/**
 * Signs an event with every secret in use and hands it to the merchant's webhook endpoint, the path a
 * real gateway's servers take; the merchant side, not the page, moves the payment request.
 */
export async function deliverGatewayEvent(state: ServerState, type: GatewayEventType, data: GatewayEventData): Promise<GatewayEvent> {
  const now = state.clock.now()
  const event: GatewayEvent = { id: newId('evt'), type, created: Math.floor(now / 1000), data }
  const raw = JSON.stringify(event)
  await receiveGatewayWebhook(state, raw, await signatureHeader(activeSecrets(state.gateway, now), raw, event.created))
  return event
}
