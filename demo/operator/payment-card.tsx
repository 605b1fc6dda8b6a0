import type { PaymentRequest } from '../../src/protocol/types'
import { ChargeList, subscriptionLine } from './card-details'
import { FormError } from './form-error'
import { priceLine } from './format'
import { HoldActions } from './hold-actions'
import { t } from './i18n'
import { canRevoke, heldAmount, progressLine, statusLine, transactionTypeLabel } from './request-status'
import { useAction } from './use-action'

/** What the operator can do to a shared card; the promise rejects with the server's sentence. */
export type CardAction = 'capture' | 'void' | 'revoke'
export type OnCardAction = (paymentRequestId: string, action: CardAction) => Promise<void>

/**
 * A shared card as the operator sees it: what was asked (sale, hold, saved card), what was done, its
 * charges and subscription, live; Capture or Void while a hold waits, Revoke while it can be paid.
 */
export function PaymentCard({ request, onAction }: { request: PaymentRequest; onAction: OnCardAction }) {
  const action = useAction()
  const act = (name: CardAction) => void action.run(() => onAction(request.id, name))
  const progress = progressLine(request)
  return (
    <article class={`card card-${request.status}`} aria-label={request.title}>
      <h3 dir="auto">{request.title}</h3>
      {request.description && <p class="card-description" dir="auto">
          {request.description}
        </p>}
      <p class="card-price">{priceLine(request)}</p>
      <p class="card-type">{transactionTypeLabel(request.transactionType ?? 'sale')}</p>
      <p class="card-status">{statusLine(request)}</p>
      {progress && <p class="card-progress">{progress}</p>}
      {request.subscription && <p class="card-subscription">{subscriptionLine(request.subscription)}</p>}
      <ChargeList request={request} />
      {request.status === 'authorized' && (
        <HoldActions held={heldAmount(request)} busy={action.busy} onCapture={() => act('capture')} onVoid={() => act('void')} />
      )}
      {canRevoke(request.status) && (
        <button type="button" class="revoke" disabled={action.busy} onClick={() => act('revoke')}>
          {t('revoke')}
        </button>
      )}
      <FormError message={action.error} />
    </article>
  )
}
