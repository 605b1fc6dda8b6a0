import type { Charge } from '../protocol/types'
import { Receipt } from './receipt'
import type { CheckoutText } from './text'

interface ChargeListProps {
  charges: Charge[]
  itemTitle: string
  text: CheckoutText
  atLabel?: string
}

/** Every approved charge, oldest first, each under what it was for (its label, else the item). */
export function ChargeList({ charges, itemTitle, text, atLabel }: ChargeListProps) {
  return (
    <ul class="charges">
      {charges.map((charge) => (
        <li key={charge.reference}>
          <Receipt
            text={text}
            title={charge.label ?? itemTitle}
            amount={charge.amount}
            surcharge={charge.surcharge}
            cardBrand={charge.cardBrand}
            last4={charge.last4}
            wallet={charge.method === 'wallet'}
            reference={charge.reference}
            at={charge.at}
            {...(atLabel ? { atLabel } : {})}
          />
        </li>
      ))}
    </ul>
  )
}
