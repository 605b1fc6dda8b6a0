import type { Charge, Money, PaymentRequest } from '../../src/protocol/types'
import type { GatewayEventData, GatewayEventType } from '../../src/server/gateway/gateway-event'
import { activeSecrets } from '../../src/server/gateway/gateway-state'
import { signatureHeader } from '../../src/server/gateway/signature'
import type { ServerState } from '../../src/server/state'
import { payExpecting, visitorAtCheckout } from '../unit/reference-server/checkout-calls'
import { call, card, OPERATOR_TOKEN, type ShareOptions } from '../unit/reference-server/harness'

/** A fresh event id as the gateway makes them. */
export const eventId = () => `evt_${crypto.randomUUID().replace(/-/g, '')}`

/** An event as raw JSON; `data` is sent as given, so a field can be left out or made wrong on purpose. */
export function eventJson(type: GatewayEventType, data: object, id = eventId()): string {
  return JSON.stringify({ id, type, created: 0, data })
}

/**
 * Posts events to `/v1/webhooks/gateway` signed with the secret `state` was created with: what an
 * attacker holding the secret, or a gateway with a bug, could send. `created` is set to the server's clock.
 */
export function gatewayWebhooks(state: ServerState) {
  return async function deliver(raw: string) {
    const now = Math.floor(state.clock.now() / 1000)
    const body = raw.replace('"created":0', `"created":${now}`)
    const signature = await signatureHeader(activeSecrets(state.gateway, state.clock.now()), body, now)
    return call<{ received: boolean; duplicate: boolean }>('POST', '/v1/webhooks/gateway', {
      body,
      headers: { 'paychat-signature': signature },
    })
  }
}

/** What the gateway has to say about the money: the cards, their histories, its own records of attempts. */
export function moneyState(state: ServerState): string {
  const spell = (_key: string, value: unknown) =>
    value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value.values()] : value
  return JSON.stringify([state.paymentRequests, state.transactions, state.checkoutSessions, state.gateway], spell)
}

/**
 * What a `charge.succeeded` says of an attempt the gateway made (`ch_…`, for `amount` in all, no
 * surcharge, towards the price), paid with `card`.
 */
export function chargeSucceeded(
  attempt: { paymentRequestId: string; reference: string; amount: Money },
  card = { cardBrand: 'visa', last4: '4242' },
): GatewayEventData {
  const { paymentRequestId, reference, amount } = attempt
  const charge: Charge = {
    reference,
    kind: 'balance',
    label: null,
    amount,
    surcharge: { amount: 0, currency: amount.currency },
    method: 'card',
    ...card,
    at: new Date().toISOString(),
  }
  return { paymentRequestId, reference, amount, card, charge }
}

/**
 * A card whose payment the gateway could not finish (`4000 0000 0000 0119`): the attempt is real, its
 * outcome not told yet, so the event that settles it is one the tests can send. `settled` is that event's
 * data as the gateway would send it.
 */
export async function unknownAttempt(pageId = 'pp_house_blend', options: ShareOptions = {}) {
  const { visitor, card: request, sessionId } = await visitorAtCheckout(pageId, options)
  const answer = await payExpecting(sessionId, card('4000 0000 0000 0119'), 'unknown')
  const reference = answer.paymentRequest.failure!.reference!
  const settled = chargeSucceeded({ paymentRequestId: request.id, reference, amount: request.price }, { cardBrand: 'visa', last4: '0119' })
  return { visitor, request, sessionId, reference, settled }
}

/** The card as the visitor's widget reads it. */
export async function cardNow(token: string, request: Pick<PaymentRequest, 'id'>): Promise<PaymentRequest> {
  return (await call<PaymentRequest>('GET', `/v1/payment-requests/${request.id}`, { token })).body
}

/** A mock control, called as the admin (the only one allowed to). */
export const mockControl = <T = unknown>(method: string, path: string, body?: unknown) =>
  call<T>(method, `/v1/mock${path}`, { token: OPERATOR_TOKEN, ...(body === undefined ? {} : { body }) })
