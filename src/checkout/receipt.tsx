import type { Money, PaymentReceipt } from '../protocol/types'
import { formatMoney } from '../i18n/money'
import { cardBrandName } from './card/card-brand'
import { LOCALE } from './locale'

/** What was charged, to which card (last 4 only), the processor's reference and when. */
export function Receipt({ receipt, price }: { receipt: PaymentReceipt; price: Money }) {
  const paidAt = new Date(receipt.paidAt)
  return (
    <dl class="receipt">
      <dt>Amount</dt>
      <dd>{formatMoney(price, LOCALE)}</dd>
      <dt>Card</dt>
      <dd>
        {cardBrandName(receipt.cardBrand)} <span class="last4">•••• {receipt.last4}</span>
      </dd>
      <dt>Reference</dt>
      <dd class="reference">{receipt.reference}</dd>
      <dt>Paid</dt>
      <dd>
        <time dateTime={receipt.paidAt}>
          {new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(paidAt)}
        </time>
      </dd>
    </dl>
  )
}
