import { useEffect, useRef } from 'preact/hooks'
import type { ShippingAddress, WalletSignIn } from '../protocol/types'
import { formatAddress, sameAddress } from './address'
import { cardBrandName } from './card/card-brand'

/** Changing the address: null while none is under way, the list, then one address to confirm. */
export type AddressStep = null | 'list' | ShippingAddress

interface WalletDetailsProps {
  account: WalletSignIn
  address: ShippingAddress
  step: AddressStep
  onStep(step: AddressStep): void
  onConfirm(address: ShippingAddress): void
}

/**
 * What the wallet supplies (name, shipping address, stored card), as Amazon Pay shows it after sign-in.
 * Another address is used only once the payer confirmed it, so a stray tap never ships elsewhere.
 */
export function WalletDetails({ account, address, step, onStep, onConfirm }: WalletDetailsProps) {
  const stepRef = useRef<HTMLDivElement>(null)
  const first = useRef(true)
  // Each step's first button takes focus, so a keyboard user is not left on a button that vanished.
  useEffect(() => {
    if (first.current) return void (first.current = false)
    stepRef.current?.querySelector('button')?.focus()
  }, [step])

  return (
    <section class="wallet" aria-label="Wallet">
      <dl class="receipt">
        <dt>Name</dt>
        <dd>{account.name}</dd>
        <dt>Ship to</dt>
        <dd>{formatAddress(address)}</dd>
        <dt>Pays with</dt>
        <dd>
          {cardBrandName(account.card.cardBrand)} <span class="last4">•••• {account.card.last4}</span>
        </dd>
      </dl>
      <div ref={stepRef} class="address-step">
        {step === null && (
          <button type="button" class="link-button" onClick={() => onStep('list')}>
            Change address
          </button>
        )}
        {step === 'list' && (
          <fieldset class="address-list">
            <legend>Choose an address</legend>
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
            <p>Ship to {formatAddress(step)}?</p>
            <button type="button" class="secondary-button" onClick={() => onConfirm(step)}>
              Confirm address
            </button>
            <button type="button" class="link-button" onClick={() => onStep('list')}>
              Choose another
            </button>
          </>
        )}
      </div>
    </section>
  )
}
