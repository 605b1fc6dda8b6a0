import type { JSX, Ref } from 'preact'

interface FieldProps extends Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'ref'> {
  id: string
  label: string
  error: string | undefined
  inputRef: Ref<HTMLInputElement>
  /** Shown beside the input, e.g. the detected card brand. */
  adornment?: string | undefined
}

/** A labelled input whose error is tied to it for assistive technology (aria-invalid, aria-describedby). */
export function Field({ id, label, error, inputRef, adornment, class: className, ...input }: FieldProps) {
  const errorId = `${id}-error`
  return (
    <div class={['field', className].filter(Boolean).join(' ')}>
      <label for={id}>{label}</label>
      <div class="field-control">
        <input
          {...input}
          id={id}
          ref={inputRef}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {adornment && <span class="field-adornment">{adornment}</span>}
      </div>
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
