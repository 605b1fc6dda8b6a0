import type { HttpHandler } from 'msw'
import { parse, readBody } from '../http'
import { checkoutView, payCheckout, payCheckoutOnce } from '../payments'
import { followPayLink } from '../pay-link'
import { route } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'

/** What the hosted checkout page calls. Knowing the unguessable checkout session id is the permission. */
export function checkoutHandlers(state: ServerState): HttpHandler[] {
  return [
    route('get', '/v1/checkout/sessions/:id', ({ params }) => checkoutView(state, params.id!)),
    route('post', '/v1/checkout/sessions/:id/pay', async ({ request, params }) => {
      // Optional: without a key a retry after a lost answer is refused (409) rather than charged again.
      const key = request.headers.get('idempotency-key')
      const readCard = () => readBody(request, schema.checkoutPay)
      if (key === null) return payCheckout(state, params.id!, await readCard())
      return payCheckoutOnce(state, params.id!, parse(schema.idempotencyKey, key), readCard)
    }),
    // The link a card's WhatsApp button opens; holding its token is the permission, as with a session id.
    route('get', '/pay/:token', ({ request, params }) => followPayLink(state, params.token!, new URL(request.url).origin)),
  ]
}
