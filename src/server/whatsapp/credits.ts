import type { CreditEntry, Credits, TemplateCategory } from '../../protocol/types'
import { ApiFailure } from '../api-error'
import type { ServerState } from '../state'

/** Credits per business-initiated template, by category; replies inside the window cost nothing. */
export const TEMPLATE_COST: Record<TemplateCategory, number> = { MARKETING: 10, UTILITY: 4, AUTHENTICATION: 3 }

/** The demo business starts with a little balance and auto-recharge off. */
export function seedCredits(): Credits {
  return { balance: 50, autoRecharge: { enabled: false, minimumBalance: 0, rechargeAmount: 0 }, ledger: [] }
}

function record(state: ServerState, amount: number, reason: CreditEntry['reason'], note: string): void {
  state.credits.balance += amount
  state.credits.ledger.push({ at: state.clock.iso(), amount, reason, note, balanceAfter: state.credits.balance })
}

export function purchaseCredits(state: ServerState, amount: number): Credits {
  record(state, amount, 'purchase', `Bought ${amount} credits`)
  return state.credits
}

/**
 * Spends `cost` credits, topping up first when auto-recharge is on and the balance would fall below
 * its minimum. With too few credits nothing is spent and the send is refused (402).
 */
export function spendCredits(state: ServerState, cost: number, note: string): void {
  if (cost === 0) return
  const { autoRecharge } = state.credits
  if (autoRecharge.enabled && autoRecharge.rechargeAmount > 0) {
    while (state.credits.balance - cost < autoRecharge.minimumBalance) {
      record(state, autoRecharge.rechargeAmount, 'auto_recharge', `Auto-recharge below ${autoRecharge.minimumBalance}`)
    }
  }
  if (state.credits.balance < cost) {
    throw new ApiFailure(
      402,
      'insufficient_credits',
      `Sending this message needs ${cost} credits and the balance is ${state.credits.balance}. Buy credits or turn on auto-recharge.`,
    )
  }
  record(state, -cost, 'template', note)
}
