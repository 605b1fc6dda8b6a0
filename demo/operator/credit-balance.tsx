import type { Credits } from '../../src/protocol/types'

interface CreditBalanceProps {
  credits: Credits | null
  panelOpen: boolean
  onTogglePanel(): void
}

/** The WhatsApp credit balance, always in sight: every template sent on WhatsApp spends from it. */
export function CreditBalance({ credits, panelOpen, onTogglePanel }: CreditBalanceProps) {
  return (
    <div class="credit-balance">
      <p>
        WhatsApp credits: <strong>{credits ? credits.balance : '…'}</strong>
      </p>
      <button type="button" class="secondary" aria-expanded={panelOpen} aria-controls={panelOpen ? 'credits-panel' : undefined} onClick={onTogglePanel}>
        Manage credits
      </button>
    </div>
  )
}
