import type { PaymentRequest, Transaction } from '../../src/protocol/types'
import { cardLabel } from './card-label'
import type { ConsoleKey } from './catalogs/en'
import { timeLabel } from './format'
import { money, t } from './i18n'

const TYPE_LABELS: Record<Transaction['type'], ConsoleKey> = {
  sale: 'txnSale',
  authorize: 'txnAuthorize',
  capture: 'txnCapture',
  void: 'txnVoid',
  save_card: 'txnSaveCard',
  renewal: 'txnRenewal',
}

const RESULT_LABELS: Record<Transaction['result'], ConsoleKey> = {
  approved: 'resultApproved',
  declined: 'resultDeclined',
  failed: 'resultFailed',
  unknown: 'resultUnknown',
  stopped: 'resultStopped',
  blocked: 'resultBlocked',
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
 * what support needs (time, result and its code, card, the processor's reference) at a glance, with
 * attempts Paychat refused (card testing) and charges the shop owes back marked.
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
          {loaded ? t('transactionHistoryCount', { count: String(transactions.length) }) : t('transactionHistory')}
        </button>
      </h3>
      {open && (
        <div id="history-body" class="history-body">
          {!loaded ? (
            <p class="hint" role="status">
              {t('loadingTransactions')}
            </p>
          ) : transactions.length === 0 ? (
            <p class="hint">{t('noPaymentAttempts')}</p>
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
          <th scope="col">{t('colTime')}</th>
          <th scope="col">{t('colType')}</th>
          <th scope="col">{t('colResult')}</th>
          <th scope="col">{t('colAmount')}</th>
          <th scope="col">{t('colCard')}</th>
          <th scope="col">{t('colReference')}</th>
        </tr>
      </thead>
      <tbody>
        {[...transactions].reverse().map((txn) => (
          <tr key={txn.id} class={`txn txn-${txn.result}`}>
            <td>
              <time dateTime={txn.at}>{timeLabel(txn.at)}</time>
            </td>
            <td>
              {t(TYPE_LABELS[txn.type])}
              {requests[txn.paymentRequestId] && (
                <>
                  {' '}
                  <span class="txn-for" dir="auto">
                    {requests[txn.paymentRequestId]!.title}
                  </span>
                </>
              )}
            </td>
            <td class="txn-result">
              {t(RESULT_LABELS[txn.result])}
              {/* The gateway's code, as support and the processor's dashboard name it. */}
              {txn.code && <span class="txn-code"> ({txn.code})</span>}
              {txn.needsRefund && (
                <>
                  {' '}
                  <strong class="txn-refund">{t('needsRefund')}</strong>
                </>
              )}
            </td>
            <td>{money(txn.amount)}</td>
            <td>{txn.cardBrand && txn.last4 ? cardLabel(txn.cardBrand, txn.last4) : '—'}</td>
            <td class="txn-reference">{txn.reference}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
