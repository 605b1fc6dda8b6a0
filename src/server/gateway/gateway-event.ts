import { z } from 'zod'
import type { Charge, Money, PaymentFailure, Subscription } from '../../protocol/types'

export const GATEWAY_EVENT_TYPES = [
  'charge.succeeded',
  'charge.failed',
  'charge.unknown',
  'charge.authorized',
  'charge.captured',
  'authorization.voided',
  'setup.succeeded',
  'renewal.succeeded',
  'renewal.failed',
] as const

export type GatewayEventType = (typeof GATEWAY_EVENT_TYPES)[number]

/** What every event says about the attempt; the fields a type does not use are absent. */
export interface GatewayEventData {
  paymentRequestId: string
  /** The processor's reference of the attempt (`ch_…`), declines included. */
  reference: string
  amount: Money
  card: { cardBrand: string; last4: string } | null
  charge?: Charge
  failure?: PaymentFailure
  savedCard?: { token: string; cardBrand: string; last4: string }
  subscription?: Subscription
}

/** A webhook event as the gateway sends it: `created` in unix seconds. */
export interface GatewayEvent {
  id: string
  type: GatewayEventType
  created: number
  data: GatewayEventData
}

const money = z.object({ amount: z.number().int(), currency: z.string().regex(/^[A-Z]{3}$/) })
const card = z.object({ cardBrand: z.string().max(20), last4: z.string().regex(/^\d{4}$/) })
const text = (max: number) => z.string().min(1).max(max)
const failure = z.object({ code: text(100), message: text(500), reference: text(100).optional() })

const charge = card.extend({
  reference: text(100),
  kind: z.enum(['balance', 'extra']),
  label: z.string().max(100).nullable(),
  amount: money,
  surcharge: money,
  method: z.enum(['card', 'wallet']),
  at: z.iso.datetime(),
})
const savedCard = card.extend({ token: text(100) })
const subscription = z.object({
  id: text(100),
  status: z.enum(['active', 'past_due', 'canceled']),
  interval: z.enum(['week', 'month', 'year']),
  intervalCount: z.number().int().positive(),
  nextChargeAt: z.iso.datetime(),
  lastFailure: failure.nullable(),
})

/** The fields every event carries. */
const attempt = {
  paymentRequestId: text(100),
  reference: text(100),
  amount: money,
  card: card.nullable(),
}

/** An event of `type`, with what that type needs besides the fields every event carries. */
const eventOf = <T extends GatewayEventType>(type: T, needs: z.ZodRawShape = {}) =>
  z.object({
    id: z.string().regex(/^evt_\w{1,64}$/),
    type: z.literal(type),
    created: z.number().int(),
    data: z.looseObject({ ...attempt, ...needs }),
  })

/**
 * A webhook event as the server accepts it: an event without what its type needs (`data.charge` for
 * `charge.succeeded`, …) cannot be applied, so it is refused whole (`400 validation_failed` naming the
 * field) before anything is looked up or recorded.
 */
export const gatewayEventSchema = z.discriminatedUnion('type', [
  eventOf('charge.succeeded', { charge }),
  eventOf('charge.authorized', { charge }),
  eventOf('charge.captured'),
  eventOf('authorization.voided'),
  eventOf('setup.succeeded', { savedCard }),
  eventOf('charge.failed', { failure }),
  eventOf('charge.unknown', { failure }),
  eventOf('renewal.succeeded', { subscription }),
  eventOf('renewal.failed', { subscription, failure }),
])
