import type { TransactionType } from '../../src/protocol/types'
import { FormError } from './form-error'
import { t } from './i18n'
import { TRANSACTION_TYPES, transactionTypeLabel } from './request-status'

/** The share body's fields these choices fill: a refusal naming one is shown under it. */
export type ShareOptionField = 'transactionType' | 'checkoutMinutes'
export const SHARE_OPTION_FIELDS: readonly string[] = ['transactionType', 'checkoutMinutes'] satisfies ShareOptionField[]

/** How long a checkout page opened from the card stays payable (the server takes 30 to 1440 minutes). */
const LIFETIMES = [30, 60, 240, 1440]

/** "30 min", "4 h", in the console's language. */
function lifetimeLabel(minutes: number): string {
  return minutes < 60 ? t('minutesShort', { n: String(minutes) }) : t('hoursShort', { n: String(minutes / 60) })
}

interface ShareOptionsProps {
  transactionType: TransactionType
  checkoutMinutes: number
  errors: Record<ShareOptionField, string | null>
  onTransactionType(type: TransactionType): void
  onCheckoutMinutes(minutes: number): void
}

/** What the card asks of the payer (charge, hold or save the card) and how long its checkout page lives. */
export function ShareOptions({ transactionType, checkoutMinutes, errors, onTransactionType, onCheckoutMinutes }: ShareOptionsProps) {
  return (
    <div class="field-row share-options">
      <div class="field">
        <label for="transaction-type">{t('transactionType')}</label>
        <select
          id="transaction-type"
          value={transactionType}
          aria-invalid={errors.transactionType ? true : undefined}
          aria-describedby={errors.transactionType ? 'transaction-type-error' : undefined}
          onChange={(e) => onTransactionType(e.currentTarget.value as TransactionType)}
        >
          {TRANSACTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {transactionTypeLabel(type)}
            </option>
          ))}
        </select>
        <FormError id="transaction-type-error" message={errors.transactionType} />
      </div>
      <div class="field">
        <label for="checkout-minutes">{t('checkoutLifetime')}</label>
        <select
          id="checkout-minutes"
          value={String(checkoutMinutes)}
          aria-invalid={errors.checkoutMinutes ? true : undefined}
          aria-describedby={errors.checkoutMinutes ? 'checkout-minutes-error' : undefined}
          onChange={(e) => onCheckoutMinutes(Number(e.currentTarget.value))}
        >
          {LIFETIMES.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {lifetimeLabel(minutes)}
            </option>
          ))}
        </select>
        <FormError id="checkout-minutes-error" message={errors.checkoutMinutes} />
      </div>
    </div>
  )
}
