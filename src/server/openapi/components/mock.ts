import { z } from 'zod'
import { exactly } from '../exact'
import { timestamp } from './primitives'

/** The server clock, moved by `POST /v1/mock/clock`. */
export const mockClock = exactly<{ now: string }>()(z.object({ now: timestamp }))

/** `POST /v1/mock/whatsapp/inbound` answer: the signed webhook was built and delivered. */
export const mockDelivered = exactly<{ delivered: true }>()(z.object({ delivered: z.literal(true) }))

export const webhookSecret = exactly<{ secret: string }>()(
  z.object({ secret: z.string().meta({ description: 'The new gateway webhook secret (`whsec_…`).' }) }),
)
