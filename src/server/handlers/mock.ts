import type { HttpHandler } from 'msw'
import { json, readBody } from '../http'
import { paymentRequestById, settleUnknown, sweepExpired } from '../payments'
import { route } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'

/** Controls for tests and the demo: reset, move the clock, settle an unknown payment. */
export function mockHandlers(state: ServerState): HttpHandler[] {
  const clock = () => ({ now: state.clock.iso() })
  return [
    route('post', '/v1/mock/reset', () => {
      state.reset()
      return json(null, 204)
    }),
    route('get', '/v1/mock/clock', clock),
    route('post', '/v1/mock/clock', async ({ request }) => {
      state.clock.advance((await readBody(request, schema.clockAdvance)).advanceMs)
      sweepExpired(state)
      return clock()
    }),
    route('post', '/v1/mock/payment-requests/:id/settle', async ({ request, params }) => {
      const { outcome } = await readBody(request, schema.settle)
      return settleUnknown(state, paymentRequestById(state, params.id!), outcome)
    }),
  ]
}
