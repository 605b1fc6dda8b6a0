import type { HttpHandler } from 'msw'
import { completeChallenge, payCheckout, payCheckoutOnce } from '../checkout-pay'
import { cancelCheckout, checkoutView } from '../checkout-sessions'
import { walletSignIn } from '../checkout-wallet'
import { parse, readBody, readRawBody } from '../http'
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
      // Optional: without a key a retry after a lost answer is refused (409) rather than charged again.
      const key = request.headers.get('idempotency-key')
      const readPayment = () => readBody(request, schema.checkoutPay)
      if (key === null) return payCheckout(state, params.id!, await readPayment())
      return payCheckoutOnce(state, params.id!, parse(schema.idempotencyKey, key), readPayment)
    }),
    route('post', `${session}/challenges/:challengeId`, async ({ request, params }) => {
      const { result } = await readBody(request, schema.challengeResult)
      return completeChallenge(state, params.id!, params.challengeId!, result)
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
