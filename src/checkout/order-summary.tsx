import type { CheckoutSessionView } from '../protocol/types'
import { formatMoney, formatRecurrence } from '../i18n/money'
import { LOCALE } from './locale'

/** Who is paid, for what, how much, and how often: the part of the page that never changes. */
export function OrderSummary({ view }: { view: CheckoutSessionView }) {
  const { item } = view
  const amount = formatMoney(item.price, LOCALE)
  const recurrence = formatRecurrence(item.billing, LOCALE)
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
      <p class="terms">{termsLine(amount, recurrence, view.brand.name)}</p>
    </section>
  )
}

export function termsLine(amount: string, recurrence: string | null, brandName: string): string {
  return recurrence
    ? `You authorise ${brandName} to charge ${amount} ${recurrence}. It renews automatically until you cancel.`
    : `A one-time payment of ${amount} to ${brandName}.`
}
