import type { Money } from '../protocol/types'
import { formatMoney } from '../i18n/money'
import { cardBrandName } from './card/card-brand'
import { LOCALE } from './locale'

interface ReceiptProps {
  /** What it was for ("Deposit"), above the details. */
  title?: string | undefined
  /** Null for a saved card: nothing was charged. */
  amount: Money | null
  /** The card brand's surcharge inside `amount`, listed when there was one. */
  surcharge?: Money | undefined
  cardBrand: string
  last4: string
  wallet?: boolean
  reference: string
  at: string
  /** What happened at `at`: "Paid", "Held", "Saved". */
  atLabel?: string
}

const timeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' })

/** What was charged, to which card (last 4 only), the processor's reference and when. */
export function Receipt({ title, amount, surcharge, cardBrand, last4, wallet, reference, at, atLabel = 'Paid' }: ReceiptProps) {
  return (
    <>
      {title && <h3 class="receipt-title">{title}</h3>}
      <dl class="receipt">
        {amount && (
          <>
            <dt>Amount</dt>
            <dd>{formatMoney(amount, LOCALE)}</dd>
          </>
        )}
        {surcharge && surcharge.amount > 0 && (
          <>
            <dt>Surcharge</dt>
            <dd>{formatMoney(surcharge, LOCALE)}</dd>
          </>
        )}
        <dt>{wallet ? 'Wallet' : 'Card'}</dt>
        <dd>
          {cardBrandName(cardBrand)} <span class="last4">•••• {last4}</span>
        </dd>
        <dt>Reference</dt>
        <dd class="reference">{reference}</dd>
        <dt>{atLabel}</dt>
        <dd>
          <time dateTime={at}>{timeFormat.format(new Date(at))}</time>
        </dd>
      </dl>
    </>
  )
}
