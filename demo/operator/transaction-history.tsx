import { formatMoney } from '../../src/i18n/money'
import type { PaymentRequest, Transaction } from '../../src/protocol/types'
import { cardLabel } from './card-label'
import { LOCALE, timeLabel } from './format'

const TYPE_LABELS: Record<Transaction['type'], string> = {
  sale: 'Sale',
  authorize: 'Authorization',
  capture: 'Capture',
  void: 'Void',
  save_card: 'Save card',
  renewal: 'Renewal',
}

const RESULT_LABELS: Record<Transaction['result'], string> = {
  approved: 'Approved',
  declined: 'Declined',
  failed: 'Failed',
  unknown: 'Unknown',
}

interface TransactionHistoryProps {
  /** Oldest first, as the state keeps them; shown newest first. */
  transactions: Transaction[]
  loaded: boolean
  /** The cards seen so far, to say which card each attempt was for. */
  requests: Record<string, PaymentRequest>
  open: boolean
  onToggle(): void
}

/**
 * Every attempt to pay in this conversation, approved or not, as a payments dashboard lists them:
 * what support needs (time, result and its code, card, the processor's reference) at a glance.
 */
export function TransactionHistory({ transactions, loaded, requests, open, onToggle }: TransactionHistoryProps) {
  return (
    <section class="history" aria-labelledby="history-toggle">
      <h3>
        <button
          type="button"
          id="history-toggle"
          class="history-toggle"
          aria-expanded={open}
          aria-controls="history-body"
          onClick={onToggle}
        >
          Transaction history {loaded && `(${transactions.length})`}
        </button>
      </h3>
      {open && (
        <div id="history-body" class="history-body">
          {!loaded ? (
            <p class="hint" role="status">
              Loading transactions…
            </p>
          ) : transactions.length === 0 ? (
            <p class="hint">No payment attempts yet.</p>
          ) : (
            <HistoryTable transactions={transactions} requests={requests} />
          )}
        </div>
      )}
    </section>
  )
}

function HistoryTable({ transactions, requests }: Pick<TransactionHistoryProps, 'transactions' | 'requests'>) {
  return (
    <table class="ledger history-table">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Type</th>
          <th scope="col">Result</th>
          <th scope="col">Amount</th>
          <th scope="col">Card</th>
          <th scope="col">Reference</th>
        </tr>
      </thead>
      <tbody>
        {[...transactions].reverse().map((t) => (
          <tr key={t.id} class={`txn txn-${t.result}`}>
            <td>
              <time dateTime={t.at}>{timeLabel(t.at)}</time>
            </td>
            <td>
              {TYPE_LABELS[t.type]}
              {requests[t.paymentRequestId] && (
                <>
                  {' '}
                  <span class="txn-for">{requests[t.paymentRequestId]!.title}</span>
                </>
              )}
            </td>
            <td class="txn-result">
              {RESULT_LABELS[t.result]}
              {t.code && <span class="txn-code"> ({t.code})</span>}
            </td>
            <td>{formatMoney(t.amount, LOCALE)}</td>
            <td>{t.cardBrand && t.last4 ? cardLabel(t.cardBrand, t.last4) : '—'}</td>
            <td class="txn-reference">{t.reference}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
