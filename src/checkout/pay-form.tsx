import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { CheckoutPayBody, CheckoutSessionView, ShippingAddress, WalletSignIn } from '../protocol/types'
import { actionLabel, walletLabel } from './action-label'
import { amountError, amountText, parseAmount } from './amount-input'
import { detectCardBrand } from './card/card-brand'
import { toPayBody } from './card/pay-body'
import { CARD_FIELDS, validateCardField, type CardField, type CardValues } from './card/validate-card'
import { CardFields } from './card-fields'
import { Field } from './field'
import type { PayErrors, PayField } from './pay-field'
import { surchargeQuote, surchargeSentence } from './surcharge'
import type { CheckoutText } from './text'
import { WalletDetails, type AddressStep } from './wallet-details'

/** How one press of Pay ended, as far as the form needs to know (a decline arrives as `declines`). */
export type PayAttempt = { kind: 'field_error'; field: PayField; message: string } | { kind: 'settled' }

/** The wallet signed in to: once chosen it is the only way to pay (no card fields). */
export interface WalletInUse {
  account: WalletSignIn
  address: ShippingAddress
  onAddress(address: ShippingAddress): void
}

interface PayFormProps {
  view: CheckoutSessionView
  /** The page's language. */
  text: CheckoutText
  /** An extra payment (what for, how much) on top of the paid price, instead of the price. */
  extra?: boolean
  wallet: WalletInUse | null
  /** Set when the wallet may still be chosen: shows its button. */
  onChooseWallet: (() => void) | null
  /** A sentence above the button: why the last attempt did not go through. */
  notice: string | null
  /** One more at every decline: the card stays filled in, but its CVC is typed again. */
  declines: number
  now: () => Date
  onPay(body: CheckoutPayBody): Promise<PayAttempt>
  onCancel(): void
}

const EMPTY: CardValues = { name: '', number: '', expiry: '', cvc: '' }

interface Draft {
  card: CardValues
  amount: string
  label: string
}

/**
 * The payment: a card (or the wallet), the amount when paying part of the price or an extra, the
 * surcharge the payer must approve, Pay and Cancel.
 */
export function PayForm(props: PayFormProps) {
  const { view, text, extra = false, wallet, onChooseWallet, notice, declines, now, onPay, onCancel } = props
  const { t } = text
  const currency = view.item.price.currency
  const [values, setValues] = useState<CardValues>(EMPTY)
  const [split, setSplit] = useState(false)
  const [amountInput, setAmountInput] = useState(extra ? '' : amountText(view.amountDue.amount, currency))
  const [label, setLabel] = useState('')
  const [errors, setErrors] = useState<PayErrors>({})
  // The surcharge approved, as "brand fee": another card or amount needs a new approval.
  const [approved, setApproved] = useState<string | null>(null)
  const [addressStep, setAddressStep] = useState<AddressStep>(null)
  const [submitting, setSubmitting] = useState(false)
  // A server complaint about a field this form does not show.
  const [ownNotice, setOwnNotice] = useState<string | null>(null)
  // Counts attempts so a repeated notice is a new alert and gets announced again.
  const [attempt, setAttempt] = useState(0)
  // State updates land on the next render; this ref stops a second submit (Enter held down) before that.
  const inFlight = useRef(false)
  const refs: Record<PayField, { current: HTMLInputElement | null }> = {
    name: useRef(null),
    number: useRef(null),
    expiry: useRef(null),
    cvc: useRef(null),
    amount: useRef(null),
    label: useRef(null),
  }

  const seenDeclines = useRef(declines)
  // Before paint: the decline's message and the emptied CVC must show together.
  useLayoutEffect(() => {
    if (declines === seenDeclines.current) return
    seenDeclines.current = declines
    setValues((current) => ({ ...current, cvc: '' }))
    refs.cvc.current?.focus()
  }, [declines])

  const fields: PayField[] = [
    ...(extra ? (['label', 'amount'] as const) : []),
    ...(wallet ? [] : CARD_FIELDS),
    ...(split ? (['amount'] as const) : []),
  ]
  const amount = extra || split ? parseAmount(amountInput, currency) : view.amountDue.amount
  const charging = extra || view.mode !== 'setup'
  const cardBrand = wallet ? wallet.account.card.cardBrand : detectCardBrand(values.number)
  const quote = charging && amount ? surchargeQuote(view.surcharges, cardBrand, amount, currency, extra ? [] : view.charges) : null
  const quoteKey = quote && `${quote.cardBrand} ${quote.fee}`
  const blocked = (quote !== null && approved !== quoteKey) || addressStep !== null

  /** What is typed, so a check can see a keystroke before the state holds it. */
  const typed: Draft = { card: values, amount: amountInput, label }

  function problem(field: PayField, draft = typed): string | null {
    if (field === 'amount') return amountError(draft.amount, currency, extra ? null : view.amountDue, text)
    if (field === 'label') return draft.label.trim() ? null : t('enterLabel')
    return validateCardField(field, draft.card, now(), text)
  }

  // Once a field shows an error, it is re-checked while typing so the message goes away when fixed.
  function recheck(field: PayField, change: Partial<Draft>) {
    if (errors[field]) setErrors({ ...errors, [field]: problem(field, { ...typed, ...change }) ?? undefined })
  }

  function updateCard(field: CardField, value: string) {
    const next = { ...values, [field]: value }
    setValues(next)
    recheck(field, { card: next })
  }

  function checkOnBlur(field: PayField, value: string) {
    if (value.trim()) setErrors({ ...errors, [field]: problem(field) ?? undefined })
  }

  async function submit(event: Event) {
    event.preventDefault()
    if (inFlight.current || blocked) return
    const found: PayErrors = {}
    for (const field of fields) found[field] = problem(field) ?? undefined
    setErrors(found)
    const firstInvalid = fields.find((field) => found[field])
    const body: CheckoutPayBody | null = wallet
      ? { walletToken: wallet.account.walletToken, shippingAddress: wallet.address }
      : toPayBody(values)
    if (firstInvalid || !body || amount === null) return refs[firstInvalid ?? 'expiry'].current?.focus()
    if (extra) body.extra = { label: label.trim(), amount }
    else if (split) body.amount = amount
    if (quote) body.approvedSurcharge = quote.fee

    inFlight.current = true
    setSubmitting(true)
    setOwnNotice(null)
    try {
      const result = await onPay(body)
      setAttempt((n) => n + 1)
      if (result.kind === 'field_error') {
        if (!fields.includes(result.field)) return setOwnNotice(result.message)
        setErrors({ [result.field]: result.message })
        refs[result.field].current?.focus()
      }
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  const shownNotice = ownNotice ?? notice
  return (
    <form class="pay-form" noValidate onSubmit={submit} aria-label={t(wallet ? 'walletPayment' : 'cardDetails')}>
      {extra && (
        <>
          <Field
            id="extra-label"
            label={t('whatFor')}
            placeholder={t('depositPlaceholder')}
            value={label}
            error={errors.label}
            inputRef={refs.label}
            onInput={(e) => {
              setLabel(e.currentTarget.value)
              recheck('label', { label: e.currentTarget.value })
            }}
            onBlur={() => checkOnBlur('label', label)}
          />
          {amountField(t('amount'))}
        </>
      )}
      {onChooseWallet && !wallet && (
        <>
          <button type="button" class="wallet-button" onClick={onChooseWallet}>
            {walletLabel(view, text)}
          </button>
          <p class="or">{t('orPayByCard')}</p>
        </>
      )}
      {wallet ? (
        <WalletDetails
          text={text}
          account={wallet.account}
          address={wallet.address}
          step={addressStep}
          onStep={setAddressStep}
          onConfirm={(address) => {
            wallet.onAddress(address)
            setAddressStep(null)
          }}
        />
      ) : (
        <CardFields text={text} values={values} errors={errors} refs={refs} onChange={updateCard} onBlur={(f) => checkOnBlur(f, values[f])} />
      )}
      {/* Splitting is across cards; the wallet is one card. */}
      {!extra && !wallet && view.mode === 'payment' && view.transactionType === 'sale' && (
        <>
          <label class="check">
            <input type="checkbox" checked={split} onChange={(e) => setSplit(e.currentTarget.checked)} />
            {t('splitAcrossCards')}
          </label>
          {split && amountField(t('amountForCard'))}
        </>
      )}
      {quote && (
        <div class="surcharge">
          <p>{surchargeSentence(quote, currency, text)}</p>
          <label class="check">
            <input
              type="checkbox"
              checked={approved === quoteKey}
              onChange={(e) => setApproved(e.currentTarget.checked ? quoteKey : null)}
            />
            {t('approveTotal')}
          </label>
        </div>
      )}
      {shownNotice && (
        <p key={attempt} class="notice notice-error" role="alert">
          {shownNotice}
        </p>
      )}
      <button type="submit" class="pay-button" disabled={submitting || blocked}>
        {actionLabel(view, extra, amount === null ? null : (quote?.total ?? amount), text)}
      </button>
      <button type="button" class="cancel-button" disabled={submitting} onClick={onCancel}>
        {t('cancelPayment')}
      </button>
      <p class="submitting" role="status">
        {submitting ? t('processing') : ''}
      </p>
    </form>
  )

  function amountField(text: string) {
    return (
      <Field
        id={extra ? 'extra-amount' : 'split-amount'}
        label={text}
        inputMode="decimal"
        value={amountInput}
        error={errors.amount}
        inputRef={refs.amount}
        onInput={(e) => {
          setAmountInput(e.currentTarget.value)
          recheck('amount', { amount: e.currentTarget.value })
        }}
        onBlur={() => checkOnBlur('amount', amountInput)}
      />
    )
  }
}
