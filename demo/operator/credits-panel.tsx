import { useState } from 'preact/hooks'
import type { CreditEntry, Credits } from '../../src/protocol/types'
import { timeLabel } from './format'
import { FormError } from './form-error'
import type { AutoRecharge } from './operator-api'
import { useAction } from './use-action'

interface CreditsPanelProps {
  credits: Credits | null
  /** Each resolves once the server answered with the new balance, and rejects with its refusal. */
  onPurchase(amount: number): Promise<unknown>
  onAutoRecharge(settings: AutoRecharge): Promise<unknown>
  onClose(): void
}

const REASONS: Record<CreditEntry['reason'], string> = {
  purchase: 'Purchase',
  auto_recharge: 'Auto-recharge',
  template: 'Template sent',
}

/** Buy credits, set auto-recharge, and read the ledger, newest first. */
export function CreditsPanel({ credits, onPurchase, onAutoRecharge, onClose }: CreditsPanelProps) {
  return (
    <section class="credits-panel" id="credits-panel" aria-labelledby="credits-title">
      <div class="panel-heading">
        <h2 id="credits-title">WhatsApp credits</h2>
        <button type="button" class="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {!credits ? (
        <p class="empty">Loading credits…</p>
      ) : (
        <div class="credits-grid">
          <PurchaseForm onPurchase={onPurchase} />
          <AutoRechargeForm
            // The server's settings win whenever they change (saved here, or an auto-recharge elsewhere).
            key={JSON.stringify(credits.autoRecharge)}
            current={credits.autoRecharge}
            onSave={onAutoRecharge}
          />
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
      aria-label="Buy credits"
      onSubmit={(event) => {
        event.preventDefault()
        if (valid && !buy.busy) void buy.run(() => onPurchase(value))
      }}
    >
      <label for="credits-amount">Credits to buy</label>
      <input id="credits-amount" type="number" min={1} step={1} value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
      <FormError message={buy.error} />
      <button type="submit" disabled={!valid || buy.busy}>
        Buy credits
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
      aria-label="Auto-recharge"
      onSubmit={(event) => {
        event.preventDefault()
        if (valid && !save.busy) void save.run(() => onSave(settings))
      }}
    >
      <p class="checkbox">
        <input id="auto-recharge" type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <label for="auto-recharge">Recharge automatically</label>
      </p>
      <label for="auto-recharge-minimum">Keep the balance at least</label>
      <input id="auto-recharge-minimum" type="number" min={0} step={1} value={minimum} onInput={(e) => setMinimum(e.currentTarget.value)} />
      <label for="auto-recharge-amount">Credits to add each time</label>
      <input id="auto-recharge-amount" type="number" min={0} step={1} value={recharge} onInput={(e) => setRecharge(e.currentTarget.value)} />
      <FormError message={save.error} />
      <button type="submit" disabled={!valid || save.busy}>
        Save auto-recharge
      </button>
    </form>
  )
}

/** The server keeps the ledger oldest first; the operator reads the latest movement first. */
function Ledger({ entries }: { entries: CreditEntry[] }) {
  if (entries.length === 0) return <p class="empty">No credit movements yet.</p>
  return (
    <table class="ledger">
      <caption>History, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Change</th>
          <th scope="col">Balance</th>
        </tr>
      </thead>
      <tbody>
        {[...entries].reverse().map((entry, index) => (
          <tr key={entries.length - index}>
            <td>{timeLabel(entry.at)}</td>
            <td>
              {REASONS[entry.reason]}: {entry.note}
            </td>
            <td class={entry.amount < 0 ? 'spent' : 'added'}>{entry.amount > 0 ? `+${entry.amount}` : entry.amount}</td>
            <td>{entry.balanceAfter}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
