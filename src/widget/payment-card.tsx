import type { PaymentRequest } from '../protocol/types'
import { formatMoney, formatRecurrence } from '../i18n/money'
import type { Locale, Translate } from '../i18n/translate'
import { offersCancel, offersPayNow } from '../store/can-pay'
import { cardName } from './card-name'
import { progressLine, subscriptionLine, transactionNote } from './card-notes'
import { statusLine } from './status-line'

export interface PaymentCardProps {
  request: PaymentRequest
  locale: Locale
  t: Translate
  /** Shown in "Withdrawn by …". */
  brandName: string
  busy: boolean
  error: string | null
  /** A checkout link to offer when the browser blocked the window. */
  blockedUrl: string | null
  onPay(): void
  onCancel(): void
}

/** A card shows what the server says and offers only what that state allows. */
export function PaymentCard(props: PaymentCardProps) {
  const { request, locale, t, busy } = props
  const titleId = `pc-card-${request.id}`
  const recurrence = formatRecurrence(request.billing, locale)
  const payLabel =
    request.status === 'checkout_open' ? t('reopenCheckout') : t(request.transactionType === 'save_card' ? 'saveCard' : 'payNow')
  const canPay = offersPayNow(request)
  const note = canPay && transactionNote(request, t, locale)
  const progress = progressLine(request, t, locale)
  const renewal = subscriptionLine(request, t, locale)
  const receipt = request.receipt
  const charges = request.charges ?? []

  return (
    // Focusable from script: Cancel takes the focus here, as its button goes away with what it did.
    <article class={`pc-card pc-card-${request.status}`} aria-labelledby={titleId} aria-busy={busy} tabIndex={-1}>
      <p class="pc-card-kicker">{t('paymentRequest')}</p>
      <h3 id={titleId} class="pc-card-title" dir="auto">
        {request.title}
      </h3>
      {request.description && (
        <p class="pc-card-description" dir="auto">
          {request.description}
        </p>
      )}
      <p class="pc-card-amount">
        <strong>{formatMoney(request.price, locale)}</strong>
        {recurrence && <span class="pc-card-recurrence"> · {recurrence}</span>}
      </p>
      {note && <p class="pc-card-note">{note}</p>}
      {/* One polite region for everything the server may change while the card sits in view. */}
      <div role="status">
        <p class="pc-card-status">{statusLine(request, t, props.brandName, locale)}</p>
        {progress && <p class="pc-card-note">{progress}</p>}
        {renewal && <p class="pc-card-note">{renewal}</p>}
      </div>
      {(request.status === 'paid' || request.status === 'authorized') && receipt && (
        <p class="pc-card-reference">{t('statusPaidReference', { reference: receipt.reference })}</p>
      )}
      {/* Listed when the card's price alone does not tell what was taken: parts, extras, a surcharge. */}
      {(charges.length > 1 || charges.some((c) => c.surcharge.amount)) && (
        <ul class="pc-card-reference">
          {charges.map((c) => (
            <li key={c.reference}>
              <bdi>{c.label ?? t('payment')}</bdi> · {formatMoney(c.amount, locale)} · {cardName(c, t)}
            </li>
          ))}
        </ul>
      )}
      {props.error && (
        <p class="pc-card-error" role="alert">
          {props.error}
        </p>
      )}
      {canPay && props.blockedUrl && (
        <p class="pc-card-error">
          {t('popupBlocked')}{' '}
          <a href={props.blockedUrl} target="_blank" rel="noopener noreferrer">
            {t('openCheckout')}
          </a>
        </p>
      )}
      {canPay && (
        <div class="pc-card-actions">
          <button type="button" class="pc-button pc-primary" disabled={busy} onClick={props.onPay}>
            {payLabel}
          </button>
          {offersCancel(request) && (
            <button
              type="button"
              class="pc-button"
              disabled={busy}
              onClick={(event) => {
                ;(event.currentTarget.closest('article') as HTMLElement).focus()
                props.onCancel()
              }}
            >
              {t('cancel')}
            </button>
          )}
        </div>
      )}
    </article>
  )
}
