import type { HttpHandler } from 'msw'
import { readBody } from '../http'
import { checkoutView, payCheckout } from '../payments'
import { followPayLink } from '../pay-link'
import { route } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'

/** What the hosted checkout page calls. Knowing the unguessable checkout session id is the permission. */
export function checkoutHandlers(state: ServerState): HttpHandler[] {
  return [
    route('get', '/v1/checkout/sessions/:id', ({ params }) => checkoutView(state, params.id!)),
    route('post', '/v1/checkout/sessions/:id/pay', async ({ request, params }) =>
      payCheckout(state, params.id!, await readBody(request, schema.checkoutPay)),
    ),
    // The link a card's WhatsApp button opens; holding its token is the permission, as with a session id.
    route('get', '/pay/:token', ({ request, params }) => followPayLink(state, params.token!, new URL(request.url).origin)),
  ]
}
