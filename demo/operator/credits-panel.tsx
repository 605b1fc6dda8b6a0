import { useState } from 'preact/hooks'
import type { CreditEntry, Credits } from '../../src/protocol/types'
import type { ConsoleKey } from './catalogs/en'
import { timeLabel } from './format'
import { FormError } from './form-error'
import { formatChange, formatNumber, t } from './i18n'
import type { AutoRecharge } from './operator-api'
import { useAction } from './use-action'

interface CreditsPanelProps {
  credits: Credits | null
  /** Buying credits and auto-recharge are the admin's; an agent reads the balance and the ledger. */
  canManage: boolean
  /** Each resolves once the server answered with the new balance, and rejects with its refusal. */
  onPurchase(amount: number): Promise<unknown>
  onAutoRecharge(settings: AutoRecharge): Promise<unknown>
  onClose(): void
}

const REASONS: Record<CreditEntry['reason'], ConsoleKey> = {
  purchase: 'reasonPurchase',
  auto_recharge: 'reasonAutoRecharge',
  template: 'reasonTemplate',
}

/** Buy credits, set auto-recharge, and read the ledger, newest first. */
export function CreditsPanel({ credits, canManage, onPurchase, onAutoRecharge, onClose }: CreditsPanelProps) {
  return (
    <section class="credits-panel" id="credits-panel" aria-labelledby="credits-title">
      <div class="panel-heading">
        <h2 id="credits-title">{t('creditsTitle')}</h2>
        <button type="button" class="secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {!credits ? (
        <p class="empty">{t('loadingCredits')}</p>
      ) : (
        <div class="credits-grid">
          {canManage ? (
            <>
              <PurchaseForm onPurchase={onPurchase} />
              <AutoRechargeForm
                // The server's settings win whenever they change (saved here, or an auto-recharge elsewhere).
                key={JSON.stringify(credits.autoRecharge)}
                current={credits.autoRecharge}
                onSave={onAutoRecharge}
              />
            </>
          ) : (
            <p class="hint">{t('creditsAdminOnly')}</p>
          )}
          <Ledger entries={credits.ledger} />
        </div>
      )}
    </section>
  )
}

function PurchaseForm({ onPurchase }: { onPurchase(amount: number): Promise<unknown> }) {
  const [amount, setAmount] = useState('100')
  const buy = useAction()
  const value = Number(amount)
  const valid = Number.isInteger(value) && value >= 1
  return (
    <form
      class="credits-form"
      aria-label={t('buyCredits')}
      onSubmit={(event) => {
        event.preventDefault()
        if (valid && !buy.busy) void buy.run(() => onPurchase(value))
      }}
    >
      <label for="credits-amount">{t('creditsToBuy')}</label>
      <input id="credits-amount" type="number" min={1} step={1} value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
      <FormError message={buy.error} />
      <button type="submit" disabled={!valid || buy.busy}>
        {t('buyCredits')}
      </button>
    </form>
  )
}

/** Tops the balance up before a send would take it below the minimum, so templates never stop going out. */
function AutoRechargeForm({ current, onSave }: { current: AutoRecharge; onSave(settings: AutoRecharge): Promise<unknown> }) {
  const [enabled, setEnabled] = useState(current.enabled)
  const [minimum, setMinimum] = useState(String(current.minimumBalance))
  const [recharge, setRecharge] = useState(String(current.rechargeAmount))
  const save = useAction()

  const settings: AutoRecharge = { enabled, minimumBalance: Number(minimum), rechargeAmount: Number(recharge) }
  // Switched on, a recharge of 0 would never top anything up.
  const valid =
    Number.isInteger(settings.minimumBalance) &&
    settings.minimumBalance >= 0 &&
    Number.isInteger(settings.rechargeAmount) &&
    settings.rechargeAmount >= (enabled ? 1 : 0)
  return (
    <form
      class="credits-form"
      aria-label={t('autoRecharge')}
      onSubmit={(event) => {
        event.preventDefault()
        if (valid && !save.busy) void save.run(() => onSave(settings))
      }}
    >
      <p class="checkbox">
        <input id="auto-recharge" type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <label for="auto-recharge">{t('rechargeAutomatically')}</label>
      </p>
      <label for="auto-recharge-minimum">{t('keepBalanceAtLeast')}</label>
      <input id="auto-recharge-minimum" type="number" min={0} step={1} value={minimum} onInput={(e) => setMinimum(e.currentTarget.value)} />
      <label for="auto-recharge-amount">{t('creditsEachTime')}</label>
      <input id="auto-recharge-amount" type="number" min={0} step={1} value={recharge} onInput={(e) => setRecharge(e.currentTarget.value)} />
      <FormError message={save.error} />
      <button type="submit" disabled={!valid || save.busy}>
        {t('saveAutoRecharge')}
      </button>
    </form>
  )
}

/** The server keeps the ledger oldest first; the operator reads the latest movement first. */
function Ledger({ entries }: { entries: CreditEntry[] }) {
  if (entries.length === 0) return <p class="empty">{t('noCreditMovements')}</p>
  return (
    <table class="ledger">
      <caption>{t('creditHistory')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colWhen')}</th>
          <th scope="col">{t('colWhat')}</th>
          <th scope="col">{t('colChange')}</th>
          <th scope="col">{t('colBalance')}</th>
        </tr>
      </thead>
      <tbody>
        {[...entries].reverse().map((entry, index) => (
          <tr key={entries.length - index}>
            <td>{timeLabel(entry.at)}</td>
            {/* The note is the server's, as it wrote it. */}
            <td>{t('ledgerEntry', { reason: t(REASONS[entry.reason]), note: entry.note })}</td>
            <td class={entry.amount < 0 ? 'spent' : 'added'}>{formatChange(entry.amount)}</td>
            <td>{formatNumber(entry.balanceAfter)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
