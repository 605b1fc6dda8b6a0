import type { Billing, Money } from '../protocol/types'
import { minorUnits } from './currency'

/** `{ amount: 1250, currency: "USD" }` -> "$12.50"; `{ amount: 3200, currency: "JPY" }` -> "¥3,200" (en), "￥3,200" (ja). */
export function formatMoney(money: Money, locale: string): string {
  const digits = minorUnits(money.currency)
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(money.amount / 10 ** digits)
}

/** A recurrence in words ("every 2 months"), or null for a one-time payment. Uses Intl plural rules. */
export function formatRecurrence(billing: Billing, locale: string): string | null {
  if (billing.type === 'one_time') return null
  const lang = (locale.split('-')[0] ?? 'en') as keyof typeof EVERY
  const words = EVERY[lang] ?? EVERY.en
  return words(billing.intervalCount, billing.interval, locale)
}

type Interval = Billing & { type: 'recurring' }
type Every = (count: number, interval: Interval['interval'], locale: string) => string

const EN_UNITS = { week: ['week', 'weeks'], month: ['month', 'months'], year: ['year', 'years'] } as const
const ES_UNITS = { week: ['semana', 'semanas'], month: ['mes', 'meses'], year: ['año', 'años'] } as const

const EVERY: Record<'en' | 'es' | 'ja' | 'zh', Every> = {
  en: (n, unit, locale) => (n === 1 ? `every ${EN_UNITS[unit][0]}` : `every ${fmt(n, locale)} ${EN_UNITS[unit][1]}`),
  es: (n, unit, locale) =>
    n === 1
      ? `cada ${ES_UNITS[unit][0]}`
      : `cada ${fmt(n, locale)} ${ES_UNITS[unit][1]}`,
  ja: (n, unit, locale) =>
    n === 1
      ? ({ week: '毎週', month: '毎月', year: '毎年' })[unit]
      : ({ week: `${fmt(n, locale)}週間ごと`, month: `${fmt(n, locale)}か月ごと`, year: `${fmt(n, locale)}年ごと` })[unit],
  zh: (n, unit, locale) =>
    n === 1
      ? ({ week: '每周', month: '每月', year: '每年' })[unit]
      : ({ week: `每${fmt(n, locale)}周`, month: `每${fmt(n, locale)}个月`, year: `每${fmt(n, locale)}年` })[unit],
}

function fmt(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n)
}
