import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import type { CheckoutPayBody } from '../protocol/types'
import { CARD_BRAND_NAMES, detectCardBrand } from './card/card-brand'
import { caretAfterDigits, cardDigits, formatCardNumber } from './card/card-number'
import { cvcLength } from './card/cvc'
import { formatExpiryInput } from './card/expiry'
import { toPayBody } from './card/pay-body'
import {
  CARD_FIELDS,
  validateCard,
  validateCardField,
  type CardErrors,
  type CardField,
  type CardValues,
} from './card/validate-card'
import { Field } from './field'

/** How one press of Pay ended, as far as the form needs to know. */
export type PayAttempt =
  | { kind: 'field_error'; field: CardField; message: string }
  /** Declined: keep the card filled in, but the CVC is typed again for the next try. */
  | { kind: 'failed' }
  /** Anything else: the page moves on (or shows a notice) and the form has nothing to do. */
  | { kind: 'settled' }

interface CardFormProps {
  /** "Pay $24.50" */
  payLabel: string
  /** A sentence above the button: why the last attempt did not go through. */
  notice: string | null
  now: () => Date
  onPay(body: CheckoutPayBody): Promise<PayAttempt>
}

const EMPTY: CardValues = { name: '', number: '', expiry: '', cvc: '' }

export function CardForm({ payLabel, notice, now, onPay }: CardFormProps) {
  const [values, setValues] = useState<CardValues>(EMPTY)
  const [errors, setErrors] = useState<CardErrors>({})
  const [submitting, setSubmitting] = useState(false)
  // Counts attempts so a repeated notice is a new alert and gets announced again.
  const [attempt, setAttempt] = useState(0)
  // State updates land on the next render; this ref stops a second submit (Enter held down) before that.
  const inFlight = useRef(false)
  const refs: Record<CardField, { current: HTMLInputElement | null }> = {
    name: useRef(null),
    number: useRef(null),
    expiry: useRef(null),
    cvc: useRef(null),
  }
  const brand = detectCardBrand(values.number)

  function update(field: CardField, value: string) {
    const next = { ...values, [field]: value }
    setValues(next)
    // Once a field shows an error, it is re-checked while typing so the message goes away when fixed.
    if (errors[field]) setErrors({ ...errors, [field]: validateCardField(field, next, now()) ?? undefined })
  }

  function checkOnBlur(field: CardField) {
    if (values[field].trim()) setErrors({ ...errors, [field]: validateCardField(field, values, now()) ?? undefined })
  }

  function onNumberInput(event: JSX.TargetedEvent<HTMLInputElement>) {
    const input = event.currentTarget
    const digitsBeforeCaret = cardDigits(input.value.slice(0, input.selectionStart ?? input.value.length)).length
    const formatted = formatCardNumber(input.value)
    // Written to the DOM directly: when formatting undoes a keystroke the state does not change and
    // Preact would leave the rejected character on screen.
    input.value = formatted
    if (input.ownerDocument.activeElement === input) {
      const caret = caretAfterDigits(formatted, digitsBeforeCaret)
      input.setSelectionRange(caret, caret)
    }
    update('number', formatted)
  }

  function onExpiryInput(event: JSX.TargetedEvent<HTMLInputElement>) {
    const input = event.currentTarget
    input.value = formatExpiryInput(input.value, values.expiry)
    update('expiry', input.value)
  }

  function onCvcInput(event: JSX.TargetedEvent<HTMLInputElement>) {
    const input = event.currentTarget
    input.value = input.value.replace(/\D/g, '').slice(0, 4)
    update('cvc', input.value)
  }

  function focus(field: CardField) {
    refs[field].current?.focus()
  }

  async function submit(event: Event) {
    event.preventDefault()
    if (inFlight.current) return
    const found = validateCard(values, now())
    setErrors(found)
    const firstInvalid = CARD_FIELDS.find((field) => found[field])
    const body = toPayBody(values)
    if (firstInvalid || !body) return focus(firstInvalid ?? 'expiry')

    inFlight.current = true
    setSubmitting(true)
    try {
      const result = await onPay(body)
      setAttempt((n) => n + 1)
      if (result.kind === 'field_error') {
        setErrors({ [result.field]: result.message })
        focus(result.field)
      } else if (result.kind === 'failed') {
        setValues((current) => ({ ...current, cvc: '' }))
        focus('number')
      }
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  return (
    <form class="card-form" noValidate onSubmit={submit} aria-label="Card details">
      <Field
        id="card-name"
        label="Name on card"
        value={values.name}
        error={errors.name}
        inputRef={refs.name}
        autocomplete="cc-name"
        spellcheck={false}
        onInput={(e) => update('name', e.currentTarget.value)}
        onBlur={() => checkOnBlur('name')}
      />
      <Field
        id="card-number"
        label="Card number"
        value={values.number}
        error={errors.number}
        inputRef={refs.number}
        adornment={brand === 'unknown' ? undefined : CARD_BRAND_NAMES[brand]}
        autocomplete="cc-number"
        inputMode="numeric"
        placeholder="1234 1234 1234 1234"
        onInput={onNumberInput}
        onBlur={() => checkOnBlur('number')}
      />
      <div class="field-row">
        <Field
          id="card-expiry"
          label="Expiry"
          value={values.expiry}
          error={errors.expiry}
          inputRef={refs.expiry}
          autocomplete="cc-exp"
          inputMode="numeric"
          placeholder="MM/YY"
          onInput={onExpiryInput}
          onBlur={() => checkOnBlur('expiry')}
        />
        <Field
          id="card-cvc"
          label="CVC"
          value={values.cvc}
          error={errors.cvc}
          inputRef={refs.cvc}
          autocomplete="cc-csc"
          inputMode="numeric"
          placeholder={'•'.repeat(cvcLength(brand))}
          onInput={onCvcInput}
          onBlur={() => checkOnBlur('cvc')}
        />
      </div>
      {notice && (
        <p key={attempt} class="notice notice-error" role="alert">
          {notice}
        </p>
      )}
      <button type="submit" class="pay-button" disabled={submitting}>
        {payLabel}
      </button>
      <p class="submitting" role="status">
        {submitting ? 'Processing your payment…' : ''}
      </p>
    </form>
  )
}
