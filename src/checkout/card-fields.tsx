import type { JSX } from 'preact'
import { CARD_BRAND_NAMES, detectCardBrand } from './card/card-brand'
import { caretAfterDigits, cardDigits, formatCardNumber } from './card/card-number'
import { cvcLength } from './card/cvc'
import { formatExpiryInput } from './card/expiry'
import type { CardErrors, CardField, CardValues } from './card/validate-card'
import { Field } from './field'
import type { CheckoutText } from './text'

interface CardFieldsProps {
  values: CardValues
  text: CheckoutText
  errors: CardErrors
  refs: Record<CardField, { current: HTMLInputElement | null }>
  onChange(field: CardField, value: string): void
  onBlur(field: CardField): void
}

/** Name, number, expiry and CVC, each shaped while typed (grouped digits, "MM/YY", digits only). */
export function CardFields({ values, text, errors, refs, onChange, onBlur }: CardFieldsProps) {
  const { t } = text
  const brand = detectCardBrand(values.number)

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
    onChange('number', formatted)
  }

  function onExpiryInput(event: JSX.TargetedEvent<HTMLInputElement>) {
    const input = event.currentTarget
    input.value = formatExpiryInput(input.value, values.expiry)
    onChange('expiry', input.value)
  }

  function onCvcInput(event: JSX.TargetedEvent<HTMLInputElement>) {
    const input = event.currentTarget
    input.value = input.value.replace(/\D/g, '').slice(0, 4)
    onChange('cvc', input.value)
  }

  return (
    <>
      <Field
        id="card-name"
        label={t('nameOnCard')}
        value={values.name}
        error={errors.name}
        inputRef={refs.name}
        autocomplete="cc-name"
        spellcheck={false}
        onInput={(e) => onChange('name', e.currentTarget.value)}
        onBlur={() => onBlur('name')}
      />
      <Field
        id="card-number"
        label={t('cardNumber')}
        value={values.number}
        error={errors.number}
        inputRef={refs.number}
        adornment={brand === 'unknown' ? undefined : CARD_BRAND_NAMES[brand]}
        autocomplete="cc-number"
        inputMode="numeric"
        placeholder="1234 1234 1234 1234"
        onInput={onNumberInput}
        onBlur={() => onBlur('number')}
      />
      <div class="field-row">
        <Field
          id="card-expiry"
          label={t('expiry')}
          value={values.expiry}
          error={errors.expiry}
          inputRef={refs.expiry}
          autocomplete="cc-exp"
          inputMode="numeric"
          placeholder={t('expiryPlaceholder')}
          onInput={onExpiryInput}
          onBlur={() => onBlur('expiry')}
        />
        <Field
          id="card-cvc"
          label={t('cvc')}
          value={values.cvc}
          error={errors.cvc}
          inputRef={refs.cvc}
          autocomplete="cc-csc"
          inputMode="numeric"
          placeholder={'•'.repeat(cvcLength(brand))}
          onInput={onCvcInput}
          onBlur={() => onBlur('cvc')}
        />
      </div>
    </>
  )
}
