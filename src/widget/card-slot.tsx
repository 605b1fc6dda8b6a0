import { useState } from 'preact/hooks'
import type { PaymentRequest } from '../protocol/types'
import { payInNewWindow } from './open-checkout'
import { PaymentCard } from './payment-card'
import { useStore } from './use-store'
import { useWidget } from './widget-context'

/** Binds one payment card to the store: its latest state, busy flag, error and actions. */
export function CardSlot({ fallback }: { fallback: PaymentRequest }) {
  const { store, locale, t } = useWidget()
  const id = fallback.id
  const request = useStore(store, (s) => s.cards[id]) ?? fallback
  const busy = useStore(store, (s) => s.busyCards[id] !== undefined)
  const error = useStore(store, (s) => s.cardErrors[id] ?? null)
  const brandName = useStore(store, (s) => s.brand?.name ?? '')
  const [blockedUrl, setBlockedUrl] = useState<string | null>(null)

  return (
    <PaymentCard
      request={request}
      locale={locale}
      t={t}
      brandName={brandName}
      busy={busy}
      error={error}
      blockedUrl={blockedUrl}
      onPay={() => {
        payInNewWindow(store, id).then(setBlockedUrl)
      }}
      onCancel={() => void store.getState().decline(id)}
    />
  )
}
