import { useEffect, useRef, useState } from 'preact/hooks'
import { Field } from './field'
import type { CheckoutText } from './text'

interface WalletSignInProps {
  text: CheckoutText
  /** Resolves to the reason it failed, or null once signed in. */
  onSignIn(credentials: { email: string; password: string }): Promise<string | null>
  onCancel(): void
}

/** The wallet's sign-in, in place of the card form: once chosen, the wallet is the way to pay. */
export function WalletSignInForm({ text, onSignIn, onCancel }: WalletSignInProps) {
  const { t } = text
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const emailRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  useEffect(() => emailRef.current?.focus(), [])

  async function submit(event: Event) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      setError(await onSignIn({ email: email.trim(), password }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="pay-form" noValidate onSubmit={submit} aria-labelledby="wallet-heading">
      <h2 id="wallet-heading" class="step-heading">
        {t('walletSignIn')}
      </h2>
      <Field
        id="wallet-email"
        label={t('email')}
        type="email"
        autocomplete="email"
        value={email}
        error={undefined}
        inputRef={emailRef}
        onInput={(e) => setEmail(e.currentTarget.value)}
      />
      <Field
        id="wallet-password"
        label={t('password')}
        type="password"
        autocomplete="current-password"
        value={password}
        error={undefined}
        inputRef={passwordRef}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="pay-button" disabled={busy}>
        {t('signIn')}
      </button>
      <button type="button" class="cancel-button" onClick={onCancel}>
        {t('cancelPayment')}
      </button>
    </form>
  )
}
