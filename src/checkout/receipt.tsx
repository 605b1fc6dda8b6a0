import type { Money } from '../protocol/types'
import type { CheckoutText } from './text'

interface ReceiptProps {
  text: CheckoutText
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
  /** What happened at `at`: "Paid" (the default), "Held", "Saved". */
  atLabel?: string
}

/** What was charged, to which card (last 4 only), the processor's reference and when. */
export function Receipt({ text, title, amount, surcharge, cardBrand, last4, wallet, reference, at, atLabel }: ReceiptProps) {
  const { t, money, brand, dateTime } = text
  return (
    <>
      {title && (
        <h3 class="receipt-title" dir="auto">
          {title}
        </h3>
      )}
      <dl class="receipt">
        {amount && (
          <>
            <dt>{t('amount')}</dt>
            <dd>{money(amount)}</dd>
          </>
        )}
        {surcharge && surcharge.amount > 0 && (
          <>
            <dt>{t('surcharge')}</dt>
            <dd>{money(surcharge)}</dd>
          </>
        )}
        <dt>{t(wallet ? 'wallet' : 'card')}</dt>
        <dd>
          {brand(cardBrand)} <span class="last4">•••• {last4}</span>
        </dd>
        <dt>{t('reference')}</dt>
        <dd class="reference">{reference}</dd>
        <dt>{atLabel ?? t('paidAt')}</dt>
        <dd>
          <time dateTime={at}>{dateTime(at)}</time>
        </dd>
      </dl>
    </>
  )
}
