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

/** The envelope and the fields every handler reads; the rest is the gateway's, trusted once signed. */
export const gatewayEventSchema = z.object({
  id: z.string().regex(/^evt_\w{1,64}$/),
  type: z.enum(GATEWAY_EVENT_TYPES),
  created: z.number().int(),
  data: z.looseObject({
    paymentRequestId: z.string().min(1).max(100),
    reference: z.string().min(1).max(100),
    amount: money,
    card: card.nullable(),
  }),
})
