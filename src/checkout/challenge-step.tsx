import { useEffect, useRef, useState } from 'preact/hooks'
import type { CheckoutChallenge } from '../protocol/types'
import type { CheckoutText } from './text'

interface ChallengeStepProps {
  challenge: CheckoutChallenge
  text: CheckoutText
  onAnswer(result: 'pass' | 'fail'): Promise<unknown>
  onCancel(): void
}

/**
 * The bank's extra step (3-D Secure). A real bank asks for a code or an app's approval; the test bank
 * lets the payer choose the result, so both outcomes can be tried.
 */
export function ChallengeStep({ challenge, text, onAnswer, onCancel }: ChallengeStepProps) {
  const { t, money, brand } = text
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
        {t('challengeHeading')}
      </h2>
      <dl class="receipt">
        <dt>{t('card')}</dt>
        <dd>
          {brand(challenge.cardBrand)} <span class="last4">•••• {challenge.last4}</span>
        </dd>
        <dt>{t('amount')}</dt>
        <dd>{money(challenge.amount)}</dd>
      </dl>
      <button type="button" class="pay-button" disabled={busy} onClick={() => answer('pass')}>
        {t('confirm')}
      </button>
      <button type="button" class="secondary-button" disabled={busy} onClick={() => answer('fail')}>
        {t('failAuthentication')}
      </button>
      <button type="button" class="cancel-button" disabled={busy} onClick={onCancel}>
        {t('cancelPayment')}
      </button>
    </section>
  )
}
