import { ApiFailure } from './api-error'
import { activeSecrets } from './gateway/gateway-state'
import { gatewayEventSchema, type GatewayEvent } from './gateway/gateway-event'
import { verifySignature } from './gateway/signature'
import { parse } from './http'
import { applyGatewayEvent } from './payment-events'
import type { ServerState } from './state'

/**
 * `POST /v1/webhooks/gateway`: a signed event from the gateway, verified before anything is read from
 * it and processed once by its id, so the gateway's retries and redeliveries change nothing. An event
 * refused as it is read or checked is not processed: a corrected redelivery under the same id is.
 */
export async function receiveGatewayWebhook(
  state: ServerState,
  rawBody: string,
  signature: string | null,
): Promise<{ received: true; duplicate: boolean }> {
  const now = state.clock.now()
  await verifySignature(signature, rawBody, activeSecrets(state.gateway, now), Math.floor(now / 1000))
  let json: unknown
  try {
    json = JSON.parse(rawBody)
  } catch {
    throw new ApiFailure(400, 'invalid_json', 'The webhook body is not valid JSON.')
  }
  const event = parse(gatewayEventSchema, json) as GatewayEvent
  if (state.gateway.processedEvents.has(event.id)) return { received: true, duplicate: true }
  applyGatewayEvent(state, event)
  return { received: true, duplicate: false }
}
