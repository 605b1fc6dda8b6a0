import type { CreditEntry, Credits, TemplateCategory } from '../../protocol/types'
import type { ServerState } from '../state'

/** Credits per business-initiated template, by category; replies inside the window cost nothing. */
export const TEMPLATE_COST: Record<TemplateCategory, number> = { MARKETING: 10, UTILITY: 4, AUTHENTICATION: 3 }

/** The demo business starts with a little balance and auto-recharge off. */
export function seedCredits(): Credits {
  return { balance: 50, autoRecharge: { enabled: false, minimumBalance: 0, rechargeAmount: 0 }, ledger: [] }
}

/** `brandId`: the brand whose send spent it; null for what the business as a whole bought. */
function record(state: ServerState, amount: number, reason: CreditEntry['reason'], note: string, brandId: string | null = null): void {
  state.credits.balance += amount
  state.credits.ledger.push({ at: state.clock.iso(), amount, reason, note, brandId, balanceAfter: state.credits.balance })
}

export function purchaseCredits(state: ServerState, amount: number): Credits {
  record(state, amount, 'purchase', `Bought ${amount} credits`)
  return state.credits
}

const recharges = (state: ServerState) => state.credits.autoRecharge.enabled && state.credits.autoRecharge.rechargeAmount > 0

/** Whether a send of `cost` can be paid, counting the top-ups auto-recharge would make. */
export function canAfford(state: ServerState, cost: number): boolean {
  return cost === 0 || recharges(state) || state.credits.balance >= cost
}

/**
 * Spends `cost` credits, topping up first when auto-recharge is on and the balance would fall below
 * its minimum. Callers check `canAfford` first: this never leaves the balance negative.
 */
export function spendCredits(state: ServerState, cost: number, note: string, brandId: string): void {
  if (cost === 0) return
  const { autoRecharge } = state.credits
  if (recharges(state)) {
    while (state.credits.balance - cost < autoRecharge.minimumBalance) {
      record(state, autoRecharge.rechargeAmount, 'auto_recharge', `Auto-recharge below ${autoRecharge.minimumBalance}`)
    }
  }
  if (state.credits.balance < cost) throw new Error(`spendCredits: ${cost} credits asked, ${state.credits.balance} held`)
  record(state, -cost, 'template', note, brandId)
}
