import { z } from 'zod'
import type { Gateway, PaymentPage, Transaction } from '../../../protocol/types'
import { exactly } from '../exact'
import { billing, money } from './money'
import { int, timestamp } from './primitives'

/** What the operator sells and how it is charged: payment pages, gateways, and every attempt to pay. */
export const paymentPage = exactly<PaymentPage>()(
  z.object({ id: z.string(), brandId: z.string(), title: z.string(), description: z.string(), price: money, billing }),
)

export const gateway = exactly<Gateway>()(
  z
    .object({
      id: z.string(),
      brandId: z.string(),
      provider: z.enum(['stripe', 'paypal', 'razorpay', 'authorize_net', 'wallet']),
      publicCredentials: z.record(z.string(), z.string()),
      maskedSecrets: z
        .record(z.string(), z.string())
        .meta({ description: 'Secret field name -> `••••` plus the last 4 characters for secrets of 12 or more.' }),
      surcharges: z.record(z.string(), int),
      createdAt: timestamp,
    })
    .meta({ description: 'A gateway as the API returns it: secrets are never echoed.' }),
)

export const transaction = exactly<Transaction>()(
  z.object({
    id: z.string(),
    paymentRequestId: z.string(),
    type: z.enum(['sale', 'authorize', 'capture', 'void', 'save_card', 'renewal']),
    result: z.enum(['approved', 'declined', 'failed', 'unknown', 'stopped', 'blocked']).meta({
      description:
        "The gateway's answer, or Paychat's own refusal before the gateway was asked: `stopped` (too many declined attempts, `code` `too_many_attempts`), `blocked` (an attempt refused by that stop or by the rate limit, `code` `too_many_attempts` or `rate_limited`; refusals in a row are one entry). Neither charges anything.",
    }),
    amount: money,
    cardBrand: z.string().nullable(),
    last4: z.string().nullable(),
    reference: z.string().meta({ description: "The processor's reference (`ch_…`); for `stopped` and `blocked`, the checkout session's id." }),
    code: z.string().nullable(),
    needsRefund: z.boolean().meta({
      description: 'An approved charge for a card that could no longer take it (withdrawn, cancelled, expired, already paid): the card did not move and the money is owed back.',
    }),
    at: timestamp,
  }),
)
