import { z } from 'zod'
import type { CreditEntry, Credits } from '../../../protocol/types'
import { exactly } from '../exact'
import { int, timestamp } from './primitives'

export const creditEntry = exactly<CreditEntry>()(
  z.object({
    at: timestamp,
    amount: int.meta({ description: 'Positive for purchases and top-ups, negative for spending.' }),
    reason: z.enum(['purchase', 'auto_recharge', 'template']),
    note: z.string(),
    brandId: z.string().nullable().meta({ description: 'The brand whose template spent it; null for purchases and top-ups. An agent’s ledger leaves out other brands’ spending.' }),
    balanceAfter: int,
  }),
)

export const credits = exactly<Credits>()(
  z.object({
    balance: int,
    autoRecharge: z.object({ enabled: z.boolean(), minimumBalance: int, rechargeAmount: int }),
    ledger: z.array(creditEntry).meta({ description: 'Newest last.' }),
  }),
)
