import type { Money } from '../protocol/types'
import { amountStep, minorUnits } from '../i18n/currency'
import { ENGLISH, type CheckoutText } from './text'

/** Minor units as an amount field shows them: 2450 USD is "24.50", 3200 JPY "3200", 1230 BHD "1.230". */
export function amountText(amount: number, currency: string): string {
  const digits = minorUnits(currency)
  return (amount / 10 ** digits).toFixed(digits)
}

/**
 * What was typed ("24.5", "1,024.50"), in minor units of `currency`; null when it is not a plain
 * decimal number with at most the currency's decimal places.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = minorUnits(currency)
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text.replace(/[\s,]/g, ''))
  const whole = match?.[1] ?? ''
  const fraction = match?.[2] ?? ''
  if (!match || (!whole && !fraction) || fraction.length > digits) return null
  const amount = Number(whole || 0) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0)
  return Number.isSafeInteger(amount) ? amount : null
}

/**
 * The problem with a typed amount in a sentence, or null when the gateway can charge it. `max` is
 * what is still due when paying part of a price.
 */
export function amountError(
  text: string,
  currency: string,
  max: Money | null,
  { t, money }: CheckoutText = ENGLISH,
): string | null {
  if (!text.trim()) return t('enterAmount')
  const amount = parseAmount(text, currency)
  if (amount === null) {
    const digits = minorUnits(currency)
    if (!/^[\d\s,]*\.\d+$/.test(text.trim())) return t('amountAsNumber', { example: amountText(12 * 10 ** digits, currency) })
    return digits ? t('amountDecimals', { currency, digits: String(digits) }) : t('amountNoDecimals', { currency })
  }
  if (amount <= 0) return t('amountAboveZero')
  const step = amountStep(currency)
  // Three-decimal currencies settle to two decimals on the card networks.
  if (amount % step !== 0) return t('amountStep', { currency, step: amountText(step, currency) })
  if (max && amount > max.amount) return t('amountOverDue', { due: money(max) })
  return null
}
