import { useEffect, useRef } from 'preact/hooks'
import type { ShippingAddress, WalletSignIn } from '../protocol/types'
import { formatAddress, sameAddress } from './address'
import type { CheckoutText } from './text'

/** Changing the address: null while none is under way, the list, then one address to confirm. */
export type AddressStep = null | 'list' | ShippingAddress

interface WalletDetailsProps {
  account: WalletSignIn
  text: CheckoutText
  address: ShippingAddress
  step: AddressStep
  onStep(step: AddressStep): void
  onConfirm(address: ShippingAddress): void
}

/**
 * What the wallet supplies (name, shipping address, stored card), as Amazon Pay shows it after sign-in.
 * Another address is used only once the payer confirmed it, so a stray tap never ships elsewhere.
 */
export function WalletDetails({ account, text, address, step, onStep, onConfirm }: WalletDetailsProps) {
  const { t, brand } = text
  const stepRef = useRef<HTMLDivElement>(null)
  const first = useRef(true)
  // Each step's first button takes focus, so a keyboard user is not left on a button that vanished.
  useEffect(() => {
    if (first.current) return void (first.current = false)
    stepRef.current?.querySelector('button')?.focus()
  }, [step])

  return (
    <section class="wallet" aria-label={t('wallet')}>
      <dl class="receipt">
        <dt>{t('name')}</dt>
        <dd>{account.name}</dd>
        <dt>{t('shipTo')}</dt>
        <dd>{formatAddress(address)}</dd>
        <dt>{t('paysWith')}</dt>
        <dd>
          {brand(account.card.cardBrand)} <span class="last4">•••• {account.card.last4}</span>
        </dd>
      </dl>
      <div ref={stepRef} class="address-step">
        {step === null && (
          <button type="button" class="link-button" onClick={() => onStep('list')}>
            {t('changeAddress')}
          </button>
        )}
        {step === 'list' && (
          <fieldset class="address-list">
            <legend>{t('chooseAddress')}</legend>
            {account.addresses.map((choice) => (
              <button
                key={formatAddress(choice)}
                type="button"
                class="secondary-button"
                aria-pressed={sameAddress(choice, address)}
                onClick={() => onStep(choice)}
              >
                {formatAddress(choice)}
              </button>
            ))}
          </fieldset>
        )}
        {step !== null && step !== 'list' && (
          <>
            <p>{t('shipToQuestion', { address: formatAddress(step) })}</p>
            <button type="button" class="secondary-button" onClick={() => onConfirm(step)}>
              {t('confirmAddress')}
            </button>
            <button type="button" class="link-button" onClick={() => onStep('list')}>
              {t('chooseAnother')}
            </button>
          </>
        )}
      </div>
    </section>
  )
}
