import type { CheckoutSessionView, TransactionType } from '../protocol/types'
import { formatMoney, formatRecurrence } from '../i18n/money'
import { ChargeList } from './charge-list'
import { LOCALE } from './locale'

/**
 * Who is paid, for what, how much, how often and what kind of payment it is; while a price is paid
 * in parts, what was paid so far and by which card.
 */
export function OrderSummary({ view }: { view: CheckoutSessionView }) {
  const { item } = view
  const amount = formatMoney(item.price, LOCALE)
  const recurrence = formatRecurrence(item.billing, LOCALE)
  // A hold (`authorize`) is not a payment: only money actually taken counts as paid so far.
  const partlyPaid = view.paymentStatus === 'unpaid' && view.amountPaid.amount > 0
  return (
    <section class="summary" aria-labelledby="item-title">
      <h1 id="item-title" class="item-title">
        {item.title}
      </h1>
      {item.description && <p class="item-description">{item.description}</p>}
      <p class="item-price">
        <span class="amount">{amount}</span>
        {recurrence && <span class="recurrence"> {recurrence}</span>}
      </p>
      <p class="terms">{termsLine(amount, recurrence, view.brand.name, view.transactionType)}</p>
      {partlyPaid && (
        <div class="paid-so-far">
          <h2>
            Paid so far {formatMoney(view.amountPaid, LOCALE)} of {amount}
          </h2>
          <ChargeList charges={view.charges} itemTitle={item.title} />
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
): string {
  if (transactionType === 'save_card') return `Nothing is charged now. ${brandName} saves your card to charge it later.`
  if (transactionType === 'authorize') {
    return `${amount} is held on your card now and charged later by ${brandName}.`
  }
  return recurrence
    ? `You authorise ${brandName} to charge ${amount} ${recurrence}. It renews automatically until you cancel.`
    : `A one-time payment of ${amount} to ${brandName}.`
}
