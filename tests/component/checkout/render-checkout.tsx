import { fireEvent, render, screen } from '@testing-library/preact'
import { vi } from 'vitest'
import { createCheckoutApi } from '../../../src/checkout/checkout-api'
import { CheckoutPage } from '../../../src/checkout/checkout-page'
import type { CheckoutHost } from '../../../src/checkout/host'
import type { CheckoutText } from '../../../src/checkout/text'
import { API } from './reference-server'

/**
 * The checkout page against the reference server, with a host whose close and opener hint are spies
 * and whose timers run only when the test moves them on (`advanceTimers`). In English unless `text`
 * (from `loadCheckoutText`) says otherwise.
 */
export function renderCheckout(checkoutSessionId: string | null, now = () => new Date(), text?: CheckoutText) {
  let elapsed = 0
  const timers = new Set<{ at: number; callback: () => void }>()
  const host = {
    notifyOpener: vi.fn(),
    close: vi.fn(),
    now,
    after(ms: number, callback: () => void) {
      const timer = { at: elapsed + ms, callback }
      timers.add(timer)
      return () => void timers.delete(timer)
    },
  } satisfies CheckoutHost
  render(<CheckoutPage sessionId={checkoutSessionId} api={createCheckoutApi(API)} host={host} text={text} />)
  return {
    ...host,
    /** How many timers the page has set and not yet seen run or called off. */
    timersPending: () => timers.size,
    /** Moves the page's timers on by `ms`, running the ones that fall due. */
    advanceTimers(ms: number) {
      elapsed += ms
      for (const timer of [...timers]) {
        if (timer.at > elapsed) continue
        timers.delete(timer)
        timer.callback()
      }
    },
  }
}

export interface Card {
  name?: string
  number?: string
  expiry?: string
  cvc?: string
}

export const GOOD_CARD = { name: 'Ada Lovelace', number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' }

/** Waits for the form, then types into each field given as the browser's input event would deliver it. */
export async function fillCard(card: Card) {
  await screen.findByLabelText('Name on card')
  const fields: [string, string | undefined][] = [
    ['Name on card', card.name],
    ['Card number', card.number],
    ['Expiry', card.expiry],
    ['CVC', card.cvc],
  ]
  for (const [label, value] of fields) {
    if (value !== undefined) fireEvent.input(screen.getByLabelText(label), { target: { value } })
  }
}

/** Types `value` into the field labelled `label` (waiting for it to appear). */
export async function type(label: string, value: string) {
  fireEvent.input(await screen.findByLabelText(label), { target: { value } })
}

/** The form's main button: Pay, Authorize, Subscribe or Save card. */
export async function payButton(): Promise<HTMLButtonElement> {
  return screen.findByRole<HTMLButtonElement>('button', { name: /^(Pay|Authorize|Subscribe|Save card)\b(?! with)/ })
}
