import type { PaymentRequest } from '../protocol/types'
import { formatMoney, formatRecurrence } from '../i18n/money'
import type { Locale, Translate } from '../i18n/translate'
import { offersPayNow } from '../store/can-pay'

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

const CARD_BRANDS: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', jcb: 'JCB' }

/** A card shows what the server says and offers only what that state allows. */
export function PaymentCard(props: PaymentCardProps) {
  const { request, locale, t, busy } = props
  const titleId = `pc-card-${request.id}`
  const recurrence = formatRecurrence(request.billing, locale)
  const payLabel = request.status === 'checkout_open' ? t('reopenCheckout') : t('payNow')
  const canPay = offersPayNow(request)

  return (
    <article class={`pc-card pc-card-${request.status}`} aria-labelledby={titleId} aria-busy={busy}>
      <p class="pc-card-kicker">{t('paymentRequest')}</p>
      <h3 id={titleId} class="pc-card-title">{request.title}</h3>
      {request.description && <p class="pc-card-description">{request.description}</p>}
      <p class="pc-card-amount">
        <strong>{formatMoney(request.price, locale)}</strong>
        {recurrence && <span class="pc-card-recurrence"> · {recurrence}</span>}
      </p>
      <p class="pc-card-status" role="status">
        {statusLine(request, t, props.brandName)}
      </p>
      {request.status === 'paid' && request.receipt && (
        <p class="pc-card-reference">{t('statusPaidReference', { reference: request.receipt.reference })}</p>
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
          <button type="button" class="pc-button" disabled={busy} onClick={props.onCancel}>
            {t('cancel')}
          </button>
        </div>
      )}
    </article>
  )
}

function statusLine(request: PaymentRequest, t: Translate, brandName: string): string {
  switch (request.status) {
    case 'pending':
      return t('statusPending')
    case 'checkout_open':
      return t('statusCheckoutOpen')
    case 'paid': {
      const receipt = request.receipt
      return t('statusPaid', {
        brand: CARD_BRANDS[receipt?.cardBrand ?? ''] ?? t('anyCard'),
        last4: receipt?.last4 ?? '····',
      })
    }
    case 'failed':
      return t('statusFailed', { reason: request.failure?.message ?? '' })
    case 'unknown':
      return t('statusUnknown')
    case 'declined':
      return t('statusDeclined')
    case 'revoked':
      return t('statusRevoked', { brand: brandName })
    case 'expired':
      return t('statusExpired')
  }
}
