import type { CheckoutSessionView, TransactionType } from '../protocol/types'
import { ChargeList } from './charge-list'
import { ENGLISH, type CheckoutText } from './text'

/**
 * Who is paid, for what, how much, how often and what kind of payment it is; while a price is paid
 * in parts, what was paid so far and by which card.
 */
export function OrderSummary({ view, text }: { view: CheckoutSessionView; text: CheckoutText }) {
  const { item } = view
  const amount = text.money(item.price)
  const recurrence = text.recurrence(item.billing)
  // A hold (`authorize`) is not a payment: only money actually taken counts as paid so far.
  const partlyPaid = view.paymentStatus === 'unpaid' && view.amountPaid.amount > 0
  return (
    <section class="summary" aria-labelledby="item-title">
      <h1 id="item-title" class="item-title" dir="auto">
        {item.title}
      </h1>
      {item.description && (
        <p class="item-description" dir="auto">
          {item.description}
        </p>
      )}
      <p class="item-price">
        <span class="amount">{amount}</span>
        {recurrence && <span class="recurrence"> {recurrence}</span>}
      </p>
      <p class="terms">{termsLine(amount, recurrence, view.brand.name, view.transactionType, text)}</p>
      {partlyPaid && (
        <div class="paid-so-far">
          <h2>{text.t('paidSoFar', { paid: text.money(view.amountPaid), price: amount })}</h2>
          <ChargeList charges={view.charges} itemTitle={item.title} text={text} />
        </div>
      )}
    </section>
  )
}

export function termsLine(
  amount: string,
  recurrence: string | null,
  brandName: string,
  transactionType: TransactionType = 'sale',
  { t }: CheckoutText = ENGLISH,
): string {
  const brand = brandName
  if (transactionType === 'save_card') return t('termsSaveCard', { brand })
  if (transactionType === 'authorize') return t('termsAuthorize', { amount, brand })
  return recurrence ? t('termsRecurring', { brand, amount, recurrence }) : t('termsOneTime', { amount, brand })
}
