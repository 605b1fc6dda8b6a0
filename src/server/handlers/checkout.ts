import type { HttpHandler } from 'msw'
import { ApiFailure } from '../api-error'
import { admitPay } from '../checkout-limits'
import { completeChallenge, completeChallengeOnce, payCheckoutOnce } from '../checkout-pay'
import { cancelCheckout, checkoutView } from '../checkout-sessions'
import { walletSignIn } from '../checkout-wallet'
import { parse, readBody, readRawBody, requireIdempotencyKey } from '../http'
import { followPayLink } from '../pay-link'
import { receiveGatewayWebhook } from '../payment-webhook'
import { route } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'

/** What the hosted checkout page calls. Knowing the unguessable checkout session id is the permission. */
export function checkoutHandlers(state: ServerState): HttpHandler[] {
  const session = '/v1/checkout/sessions/:id'
  return [
    route('get', session, ({ params }) => checkoutView(state, params.id!)),
    route('post', `${session}/pay`, async ({ request, params }) => {
      admitPay(state, request, params.id!)
      // Every pay is made once: the page sends a key per attempt and the same key when it retries one.
      const key = requireIdempotencyKey(request)
      return payCheckoutOnce(state, params.id!, key, () => readBody(request, schema.checkoutPay))
    }),
    route('post', `${session}/challenges/:challengeId`, async ({ request, params }) => {
      const key = request.headers.get('idempotency-key')
      const readAnswer = () => readBody(request, schema.challengeResult)
      // Optional here: an answer sent twice without a key is refused (409 challenge_done), never charged twice.
      if (key === null) return completeChallenge(state, params.id!, params.challengeId!, (await readAnswer()).result)
      return completeChallengeOnce(state, params.id!, params.challengeId!, parse(schema.idempotencyKey, key), readAnswer)
    }),
    route('post', `${session}/wallet/sign-in`, async ({ request, params }) =>
      walletSignIn(state, params.id!, await readBody(request, schema.walletSignIn)),
    ),
    route('post', `${session}/cancel`, async ({ request, params }) => {
      await readBody(request, schema.cancelCheckout)
      return cancelCheckout(state, params.id!)
    }),
    // The gateway's signed outcome events: the only way a payment request becomes paid.
    route('post', '/v1/webhooks/gateway', async ({ request }) =>
      receiveGatewayWebhook(state, await readRawBody(request), request.headers.get('paychat-signature')),
    ),
    // The link a card's WhatsApp button opens; holding its token is the permission, as with a session id.
    route('get', '/pay/:token', ({ params }) => followPayLink(state, params.token!)),
  ]
}
