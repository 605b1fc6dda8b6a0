import type { ComponentChildren } from 'preact'
import type { CheckoutSessionView } from '../protocol/types'
import { formatMoney, formatRecurrence } from '../i18n/money'
import { ChargeList } from './charge-list'
import { LOCALE } from './locale'
import { OutcomePanel } from './outcome-panel'
import { Receipt } from './receipt'

interface ApprovedPanelProps {
  view: CheckoutSessionView
  /** Charged, held for a later capture (`authorize`), or stored for later (`save_card`). */
  kind: 'paid' | 'authorized' | 'card_saved'
  onClose(): void
  /** Below the charges: the offer of another payment. */
  children?: ComponentChildren
}

const HEADINGS = { paid: 'Payment complete', authorized: 'Payment authorized', card_saved: 'Card saved' } as const

/** An approved outcome with every charge (amount, card, reference, time), or the saved card. */
export function ApprovedPanel({ view, kind, onClose, children }: ApprovedPanelProps) {
  const { receipt, charges, subscription } = view
  const seller = view.brand.name
  const atLabel = kind === 'authorized' ? 'Held' : kind === 'card_saved' ? 'Saved' : 'Paid'
  return (
    <OutcomePanel tone="success" heading={HEADINGS[kind]} onClose={onClose}>
      {kind === 'authorized' && (
        <p>
          {/* The hold, a card brand's surcharge included. */}
          {formatMoney(charges.at(-1)?.amount ?? view.item.price, LOCALE)} is held on your card. {seller} charges it later.
        </p>
      )}
      {kind === 'card_saved' && <p>Nothing was charged. {seller} can charge this card later.</p>}
      {kind !== 'card_saved' && charges.length > 0 ? (
        <ChargeList charges={charges} itemTitle={view.item.title} atLabel={atLabel} />
      ) : (
        receipt && (
          <Receipt
            amount={kind === 'card_saved' ? null : view.item.price}
            cardBrand={receipt.cardBrand}
            last4={receipt.last4}
            reference={receipt.reference}
            at={receipt.paidAt}
            atLabel={atLabel}
          />
        )
      )}
      {subscription && (
        <p>
          Renews {formatRecurrence(view.item.billing, LOCALE)}. Next charge:{' '}
          <time dateTime={subscription.nextChargeAt}>
            {new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium' }).format(new Date(subscription.nextChargeAt))}
          </time>
          .
        </p>
      )}
      <p>The chat shows this {kind === 'card_saved' ? 'card' : 'payment'} too. You can close this window.</p>
      {children}
    </OutcomePanel>
  )
}
