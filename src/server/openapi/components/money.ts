import { z } from 'zod'
import type { Billing, Money } from '../../../protocol/types'
import { exactly } from '../exact'
import { int } from './primitives'

export const money = exactly<Money>()(
  z
    .object({
      amount: int.meta({ description: "In the currency's minor unit (cents for USD, yen for JPY, fils for BHD)." }),
      currency: z.string().regex(/^[A-Z]{3}$/).meta({ description: 'ISO 4217 code, upper case.' }),
    })
    .meta({ description: 'An amount in integer minor units.' }),
)

export const billingInterval = z.enum(['week', 'month', 'year'])

export const billing = exactly<Billing>()(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('one_time') }),
    z.object({ type: z.literal('recurring'), interval: billingInterval, intervalCount: int }),
  ]),
)
