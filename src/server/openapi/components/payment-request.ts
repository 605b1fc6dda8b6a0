import { z } from 'zod'
import type { Charge, PaymentFailure, PaymentReceipt, PaymentRequest, Subscription } from '../../../protocol/types'
import { exactly } from '../exact'
import { billingInterval, billing, money } from './money'
import { int, timestamp } from './primitives'

export const paymentFailure = exactly<PaymentFailure>()(
  z.object({
    code: z.string().meta({ description: '`card_declined`, `insufficient_funds`, `expired_card`, `incorrect_cvc`, `authentication_failed`, `processing_error`, ...' }),
    message: z.string(),
    reference: z.string().optional(),
  }),
)

export const paymentReceipt = exactly<PaymentReceipt>()(
  z.object({ cardBrand: z.string(), last4: z.string(), reference: z.string(), paidAt: timestamp }),
)

export const charge = exactly<Charge>()(
  z.object({
    reference: z.string(),
    kind: z.enum(['balance', 'extra']),
    label: z.string().nullable(),
    amount: money,
    surcharge: money,
    method: z.enum(['card', 'wallet']),
    cardBrand: z.string(),
    last4: z.string(),
    at: timestamp,
  }),
)

export const subscription = exactly<Subscription>()(
  z.object({
    id: z.string(),
    status: z.enum(['active', 'past_due', 'canceled']),
    interval: billingInterval,
    intervalCount: int,
    nextChargeAt: timestamp,
    lastFailure: paymentFailure.nullable(),
  }),
)

export const transactionType = z.enum(['sale', 'authorize', 'save_card'])

export const paymentRequestStatus = z.enum([
  'pending',
  'checkout_open',
  'paid',
  'failed',
  'unknown',
  'declined',
  'revoked',
  'expired',
  'authorized',
  'voided',
  'card_saved',
])

export const paymentRequest = exactly<PaymentRequest>()(
  z
    .object({
      id: z.string(),
      conversationId: z.string(),
      paymentPageId: z.string(),
      title: z.string(),
      description: z.string(),
      price: money,
      billing,
      status: paymentRequestStatus,
      failure: paymentFailure.nullable(),
      receipt: paymentReceipt.nullable(),
      createdAt: timestamp,
      updatedAt: timestamp,
      version: int.min(1),
      expiresAt: timestamp,
      transactionType,
      amountPaid: money,
      charges: z.array(charge),
      subscription: subscription.nullable(),
      savedCard: z.object({ token: z.string(), cardBrand: z.string(), last4: z.string() }).nullable(),
    })
    .meta({ description: 'A card shared in a conversation: the operator asks, the visitor pays on the hosted checkout.' }),
)
