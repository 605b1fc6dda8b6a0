import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import type { CheckoutText } from './text'

interface OutcomePanelProps {
  tone: 'success' | 'warning' | 'neutral'
  heading: string
  text: CheckoutText
  children?: ComponentChildren
  onClose(): void
}

/**
 * A final screen: a heading, what it means, and Close. The heading takes focus when it appears, so a
 * screen reader reads the outcome instead of silence where the form used to be.
 */
export function OutcomePanel({ tone, heading, text, children, onClose }: OutcomePanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  return (
    <section class={`outcome outcome-${tone}`} aria-labelledby="outcome-heading">
      <h2 id="outcome-heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      {children}
      <button type="button" class="close-button" onClick={onClose}>
        {text.t('close')}
      </button>
    </section>
  )
}
