import { useEffect, useRef, useState } from 'preact/hooks'
import type { CheckoutChallenge } from '../protocol/types'
import { formatMoney } from '../i18n/money'
import { cardBrandName } from './card/card-brand'
import { LOCALE } from './locale'

interface ChallengeStepProps {
  challenge: CheckoutChallenge
  onAnswer(result: 'pass' | 'fail'): Promise<void>
  onCancel(): void
}

/**
 * The bank's extra step (3-D Secure). A real bank asks for a code or an app's approval; the test bank
 * lets the payer choose the result, so both outcomes can be tried.
 */
export function ChallengeStep({ challenge, onAnswer, onCancel }: ChallengeStepProps) {
  const [busy, setBusy] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [challenge.id])

  async function answer(result: 'pass' | 'fail') {
    setBusy(true)
    try {
      await onAnswer(result)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="challenge" aria-labelledby="challenge-heading">
      <h2 id="challenge-heading" class="step-heading" ref={headingRef} tabIndex={-1}>
        Your bank wants to confirm this payment
      </h2>
      <dl class="receipt">
        <dt>Card</dt>
        <dd>
          {cardBrandName(challenge.cardBrand)} <span class="last4">•••• {challenge.last4}</span>
        </dd>
        <dt>Amount</dt>
        <dd>{formatMoney(challenge.amount, LOCALE)}</dd>
      </dl>
      <button type="button" class="pay-button" disabled={busy} onClick={() => answer('pass')}>
        Confirm
      </button>
      <button type="button" class="secondary-button" disabled={busy} onClick={() => answer('fail')}>
        Fail authentication
      </button>
      <button type="button" class="cancel-button" disabled={busy} onClick={onCancel}>
        Cancel payment
      </button>
    </section>
  )
}
