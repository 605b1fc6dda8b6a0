import { z } from 'zod'
import type {
  CheckoutChallenge,
  CheckoutPayResult,
  CheckoutSessionLink,
  CheckoutSessionView,
  ShippingAddress,
  WalletSignIn,
} from '../../../protocol/types'
import { exactly } from '../exact'
import { billing, money } from './money'
import { charge, paymentFailure, paymentReceipt, paymentRequest, paymentRequestStatus, subscription, transactionType } from './payment-request'
import { int, timestamp } from './primitives'

export const checkoutSessionLink = exactly<CheckoutSessionLink>()(
  z.object({ checkoutSessionId: z.string(), checkoutUrl: z.string(), expiresAt: timestamp }),
)

export const checkoutChallenge = exactly<CheckoutChallenge>()(
  z
    .object({ id: z.string(), cardBrand: z.string(), last4: z.string(), amount: money })
    .meta({ description: "The bank's extra step (3-D Secure) for one attempt." }),
)

export const checkoutSessionView = exactly<CheckoutSessionView>()(
  z.object({
    id: z.string(),
    paymentRequestId: z.string(),
    mode: z.enum(['payment', 'subscription', 'setup']),
    status: z.enum(['open', 'complete', 'expired']),
    paymentStatus: z.enum(['paid', 'unpaid', 'no_payment_required']),
    transactionType,
    brand: z.object({ name: z.string(), color: z.string() }),
    item: z.object({ title: z.string(), description: z.string(), price: money, billing }),
    paymentRequestStatus,
    failure: paymentFailure.nullable(),
    receipt: paymentReceipt.nullable(),
    amountPaid: money,
    amountDue: money,
    charges: z.array(charge),
    extraPaymentsLeft: int.min(0).max(3),
    surcharges: z.record(z.string(), int).meta({ description: 'Basis points per card brand (`{ amex: 300 }` is 3 %).' }),
    wallet: z.boolean(),
    subscription: subscription.nullable(),
    challenge: checkoutChallenge.nullable(),
    expiresAt: timestamp,
    openerOrigin: z.string().nullable().meta({
      description: "The origin of the page whose Pay Now opened (or last reopened) the session, from that call's `Origin`; the page posts its hint only there. Null when no page did.",
    }),
  }),
)

export const checkoutPayResult = exactly<CheckoutPayResult>()(
  z.object({
    outcome: z.enum(['paid', 'failed', 'unknown', 'requires_action']),
    message: z.string().meta({ description: 'The sentence the page shows.' }),
    paymentRequest,
    charge: charge.nullable(),
    challenge: checkoutChallenge.nullable(),
  }),
)

export const shippingAddress = exactly<ShippingAddress>()(
  z.object({ line1: z.string(), city: z.string(), postalCode: z.string(), country: z.string() }),
)

export const walletSignIn = exactly<WalletSignIn>()(
  z.object({
    walletToken: z.string(),
    name: z.string(),
    email: z.string(),
    shippingAddress,
    addresses: z.array(shippingAddress),
    card: z.object({ cardBrand: z.string(), last4: z.string() }),
  }),
)

/** `POST /v1/webhooks/gateway` answer: a redelivered event id is acknowledged and changes nothing. */
export const gatewayWebhookReceipt = exactly<{ received: true; duplicate: boolean }>()(
  z.object({ received: z.literal(true), duplicate: z.boolean() }),
)
