import type { ServerState } from '../state'
import { receiveWebhook } from './inbound'
import { hmacSha256Hex } from './signature'
import type { WebhookPayload } from './webhook-payload'

/** Signs a payload with the app secret and delivers it through the same path Meta's webhooks take. */
export async function deliverSignedWebhook(state: ServerState, payload: WebhookPayload): Promise<void> {
  const raw = JSON.stringify(payload)
  await receiveWebhook(state, raw, `sha256=${await hmacSha256Hex(state.whatsapp.appSecret, raw)}`)
}
