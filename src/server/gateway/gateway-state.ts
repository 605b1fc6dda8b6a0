import type { Money, ShippingAddress, Subscription } from '../../protocol/types'
import { newToken } from '../ids'

/** A payer's pending extra step (3-D Secure): what to charge once it passes. No card data beyond brand and last 4. */
export interface ChallengeRecord {
  id: string
  checkoutSessionId: string
  attempt: ChargeAttempt
  done: boolean
}

/** One charge the gateway was asked to make, decided before it is made. */
export interface ChargeAttempt {
  kind: 'balance' | 'extra'
  label: string | null
  /** Towards the price (or the extra's amount), without surcharge. */
  amount: number
  surcharge: number
  method: 'card' | 'wallet'
  card: { cardBrand: string; last4: string }
}

/** What became of an attempt, as far as the merchant has applied the gateway's events about it. */
export type AttemptOutcome = 'pending' | 'succeeded' | 'failed' | 'unknown' | 'authorized' | 'captured' | 'voided'

/**
 * One attempt the gateway made, kept by its reference (`ch_…`) from the moment it is made: the events
 * about it must name it, for its payment request, with its amount, and move it only once.
 */
export interface AttemptRecord {
  reference: string
  paymentRequestId: string
  /** What the attempt is, so what its success is told as: a sale, a hold, a saved card, a renewal. */
  type: 'sale' | 'authorize' | 'save_card' | 'renewal'
  /** Charged in all, surcharge included (0 when only saving a card). */
  amount: Money
  /** What the payer asked for at checkout (whether it counts towards the price, its surcharge); null for a renewal. */
  charge: Pick<ChargeAttempt, 'kind' | 'surcharge'> | null
  outcome: AttemptOutcome
}

/** A signed-in wallet, bound to the checkout session it was opened from. */
export interface WalletRecord {
  checkoutSessionId: string
  name: string
  email: string
  addresses: ShippingAddress[]
  card: { cardBrand: string; last4: string }
}

/** The gateway's side of a subscription: what it charges, on which card, and (mock) how renewals end. */
export interface SubscriptionRecord extends Subscription {
  /** The first payment: every renewal date is counted from it. */
  anchorAt: number
  /** Renewals charged (or tried) so far. */
  renewals: number
  paymentRequestId: string
  amount: Money
  card: { cardBrand: string; last4: string }
  renewalOutcome: 'approved' | 'declined'
}

export interface WebhookSecret {
  secret: string
  /** Null for the current secret; when a rotated-out one stops being accepted (ms). */
  retiresAt: number | null
}

/** What the simulated gateway itself keeps, apart from the merchant's payment requests. */
export interface GatewayState {
  /** The current secret first; a rotated-out one stays accepted (and signed with) for 24 h. */
  webhookSecrets: WebhookSecret[]
  /** Event ids already processed by the merchant's webhook endpoint: a redelivery changes nothing. */
  processedEvents: Set<string>
  /** Every attempt made, by reference. */
  attempts: Map<string, AttemptRecord>
  challenges: Map<string, ChallengeRecord>
  wallets: Map<string, WalletRecord>
  subscriptions: Map<string, SubscriptionRecord>
  /** Charge references already captured or voided: the operator's double click acts once. */
  settledHolds: Set<string>
  /** Per payment request, the attempt whose outcome the gateway has not told yet (`unknown`). */
  unknownAttempts: Map<string, { attempt: ChargeAttempt; reference: string }>
}

export function createGatewayState(webhookSecret: string): GatewayState {
  return {
    webhookSecrets: [{ secret: webhookSecret, retiresAt: null }],
    processedEvents: new Set(),
    attempts: new Map(),
    challenges: new Map(),
    wallets: new Map(),
    subscriptions: new Map(),
    settledHolds: new Set(),
    unknownAttempts: new Map(),
  }
}

/** The secrets still accepted at `now`, current first. */
export function activeSecrets(gateway: GatewayState, now: number): string[] {
  return gateway.webhookSecrets.filter((s) => s.retiresAt === null || s.retiresAt > now).map((s) => s.secret)
}

export function rotateWebhookSecret(gateway: GatewayState, now: number): string {
  const secret = newToken('whsec')
  gateway.webhookSecrets = [
    { secret, retiresAt: null },
    ...gateway.webhookSecrets.filter((s) => s.retiresAt === null || s.retiresAt > now).map((s) => ({ ...s, retiresAt: s.retiresAt ?? now + 24 * 3_600_000 })),
  ]
  return secret
}
