import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { CheckoutText } from './text'

interface ExtraPaymentsProps {
  /** How many more the session takes. */
  left: number
  text: CheckoutText
  /** The payment form, given a way to close it again. */
  children: (close: () => void) => ComponentChildren
}

/** "Add another payment (2 left)": a deposit or a fee on top of the paid price, each its own charge. */
export function ExtraPayments({ left, text, children }: ExtraPaymentsProps) {
  const { t } = text
  const [open, setOpen] = useState(false)
  const sectionRef = useRef<HTMLElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  // Set when the form closes, so focus goes back to the button instead of being lost with the form.
  const returning = useRef(false)
  const close = () => {
    returning.current = true
    setOpen(false)
  }

  useEffect(() => {
    if (open) sectionRef.current?.querySelector('input')?.focus()
    else if (returning.current) buttonRef.current?.focus()
  }, [open])

  // One fewer left: the payment went through, and the form closes.
  const seenLeft = useRef(left)
  useEffect(() => {
    if (left === seenLeft.current) return
    seenLeft.current = left
    close()
  }, [left])

  if (!open) {
    return (
      <button ref={buttonRef} type="button" class="secondary-button" onClick={() => setOpen(true)}>
        {t('addAnotherPayment', { left: String(left) })}
      </button>
    )
  }
  return (
    <section ref={sectionRef} class="extra-payment" aria-labelledby="extra-heading">
      <h3 id="extra-heading">{t('anotherPayment')}</h3>
      {children(close)}
    </section>
  )
}
