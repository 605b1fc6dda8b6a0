import type { Credits } from '../../src/protocol/types'
import { formatNumber, t } from './i18n'

interface CreditBalanceProps {
  credits: Credits | null
  panelOpen: boolean
  onTogglePanel(): void
}

/** The WhatsApp credit balance, always in sight: every template sent on WhatsApp spends from it. */
export function CreditBalance({ credits, panelOpen, onTogglePanel }: CreditBalanceProps) {
  const [beforeBalance, afterBalance] = t('creditsBalance').split('{balance}')
  return (
    <div class="credit-balance">
      <p>
        {beforeBalance}
        <strong>{credits ? formatNumber(credits.balance) : '…'}</strong>
        {afterBalance}
      </p>
      <button type="button" class="secondary" aria-expanded={panelOpen} aria-controls={panelOpen ? 'credits-panel' : undefined} onClick={onTogglePanel}>
        {t('manageCredits')}
      </button>
    </div>
  )
}
