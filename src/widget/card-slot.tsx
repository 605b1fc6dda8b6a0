import { useComputed } from '@preact/signals'
import { useState } from 'preact/hooks'
import type { PaymentRequest } from '../protocol/types'
import { errorText } from './error-text'
import { payInNewWindow } from './open-checkout'
import { PaymentCard } from './payment-card'
import { useWidget } from './widget-context'

/**
 * Binds one payment card to the store: its latest state, busy flag, error and actions. It re-renders
 * when this card changes, not when another one does.
 */
export function CardSlot({ fallback }: { fallback: PaymentRequest }) {
  const { store, chat, locale, t } = useWidget()
  const id = fallback.id
  const request = useComputed(() => chat.cards.value[id]).value ?? fallback
  const busy = useComputed(() => chat.busyCards.value[id] !== undefined).value
  const error = useComputed(() => chat.cardErrors.value[id]).value
  const brandName = useComputed(() => chat.brand.value?.name ?? '').value
  const [blockedUrl, setBlockedUrl] = useState<string | null>(null)

  return (
    <PaymentCard
      request={request}
      locale={locale}
      t={t}
      brandName={brandName}
      busy={busy}
      error={error ? errorText(error, t) : null}
      blockedUrl={blockedUrl}
      onPay={() => {
        payInNewWindow(store, id).then(setBlockedUrl)
      }}
      onCancel={() => void store.getState().decline(id)}
    />
  )
}
