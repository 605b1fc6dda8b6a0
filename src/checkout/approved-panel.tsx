import type { ComponentChildren } from 'preact'
import type { CheckoutSessionView } from '../protocol/types'
import { ChargeList } from './charge-list'
import { OutcomePanel } from './outcome-panel'
import { Receipt } from './receipt'
import type { CheckoutText } from './text'

interface ApprovedPanelProps {
  view: CheckoutSessionView
  text: CheckoutText
  /** Charged, held for a later capture (`authorize`), or stored for later (`save_card`). */
  kind: 'paid' | 'authorized' | 'card_saved'
  onClose(): void
  /** Below the charges: the offer of another payment. */
  children?: ComponentChildren
}

const HEADINGS = { paid: 'paymentComplete', authorized: 'paymentAuthorized', card_saved: 'cardSaved' } as const

/** An approved outcome with every charge (amount, card, reference, time), or the saved card. */
export function ApprovedPanel({ view, text, kind, onClose, children }: ApprovedPanelProps) {
  const { t, money, recurrence, date } = text
  const { receipt, charges, subscription } = view
  const brand = view.brand.name
  const atLabel = t(kind === 'authorized' ? 'heldAt' : kind === 'card_saved' ? 'savedAt' : 'paidAt')
  // The sentence around the next charge's day, which sits in a <time> of its own.
  const [beforeDate, afterDate] = subscription
    ? t('renews', { recurrence: recurrence(view.item.billing) ?? '' }).split('{date}')
    : []
  return (
    <OutcomePanel tone="success" text={text} heading={t(HEADINGS[kind])} onClose={onClose}>
      {kind === 'authorized' && (
        // The hold, a card brand's surcharge included.
        <p>{t('heldOnCard', { amount: money(charges.at(-1)?.amount ?? view.item.price), brand })}</p>
      )}
      {kind === 'card_saved' && <p>{t('savedNothingCharged', { brand })}</p>}
      {kind !== 'card_saved' && charges.length > 0 ? (
        <ChargeList charges={charges} itemTitle={view.item.title} text={text} atLabel={atLabel} />
      ) : (
        receipt && (
          <Receipt
            text={text}
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
          {beforeDate}
          <time dateTime={subscription.nextChargeAt}>{date(subscription.nextChargeAt)}</time>
          {afterDate}
        </p>
      )}
      <p>{t(kind === 'card_saved' ? 'chatShowsCard' : 'chatShowsPayment')}</p>
      {children}
    </OutcomePanel>
  )
}
