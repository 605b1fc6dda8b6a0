import type { HttpHandler } from 'msw'
import { operatorOf } from '../auth'
import { json, readRawBody } from '../http'
import { route } from '../route'
import type { ServerState } from '../state'
import { cloudApiSend } from '../whatsapp/cloud-api'
import { CloudApiError } from '../whatsapp/cloud-api-error'
import { cloudApiSendRequest } from '../whatsapp/cloud-api-request'
import { phoneNumberId } from '../whatsapp/webhook-envelope'

/**
 * The simulated Cloud API at Graph's own path, `POST /{version}/{phone-number-id}/messages`, for a
 * backend written against Meta's service: point it at `/v1/mock/graph` instead of graph.facebook.com.
 * Answers and refusals are Meta's shapes; the access token is the admin's operator token, as for every
 * mock control (an agent's is refused with Meta's permission error, HTTP 403).
 */
export function graphApiHandlers(state: ServerState): HttpHandler[] {
  return [
    route('post', '/v1/mock/graph/:version/:phoneNumberId/messages', async ({ request, params }) => {
      try {
        const operator = operatorOf(state, request)
        if (!operator) throw new CloudApiError(190, 'Send the admin operator token as "Authorization: Bearer <token>".')
        if (operator.role !== 'admin') throw new CloudApiError(10, 'Only the admin operator token may use the simulated Cloud API.')
        const brand = [...state.brands.values()].find(
          (b) => b.whatsappNumber && phoneNumberId(b.whatsappNumber) === params.phoneNumberId,
        )
        if (!brand) throw new CloudApiError(100, `Unsupported post request. Object with ID '${params.phoneNumberId}' does not exist.`)
        let body: unknown
        try {
          body = JSON.parse(await readRawBody(request))
        } catch {
          throw new CloudApiError(100, 'The request body is not valid JSON.')
        }
        const parsed = cloudApiSendRequest.safeParse(body)
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!
          throw new CloudApiError(100, `${issue.path.join('.') || 'body'}: ${issue.message}`)
        }
        return cloudApiSend(state, brand.id, parsed.data).response
      } catch (error) {
        if (!(error instanceof CloudApiError)) throw error
        return json(error.toBody(), error.code === 190 ? 401 : error.code === 10 ? 403 : 400)
      }
    }),
  ]
}
