import { describe, expect, test } from 'vitest'
import { minorUnits } from '../../../src/i18n/currency'
import { formatMoney, formatRecurrence } from '../../../src/i18n/money'
import type { Billing, BillingInterval } from '../../../src/protocol/types'

/** Intl puts a no-break space between an ISO code and the number. */
const NBSP = '\u00a0'

describe('formatMoney', () => {
  test.each([
    { amount: 1250, currency: 'USD', locale: 'en', expected: '$12.50' },
    { amount: 3200, currency: 'JPY', locale: 'ja', expected: '￥3,200' },
    { amount: 3200, currency: 'JPY', locale: 'en', expected: '¥3,200' },
    { amount: 12345, currency: 'BHD', locale: 'en', expected: `BHD${NBSP}12.345` },
    { amount: 1500, currency: 'KWD', locale: 'en', expected: `KWD${NBSP}1.500` },
    { amount: 1250, currency: 'EUR', locale: 'es', expected: `12,50${NBSP}€` },
    { amount: 123456789, currency: 'USD', locale: 'en', expected: '$1,234,567.89' },
  ])('$amount $currency in $locale is "$expected"', ({ amount, currency, locale, expected }) => {
    expect(formatMoney({ amount, currency }, locale)).toBe(expected)
  })

  test('the amount is in minor units: 1 is one cent, one yen, one fils', () => {
    expect(formatMoney({ amount: 1, currency: 'USD' }, 'en')).toBe('$0.01')
    expect(formatMoney({ amount: 1, currency: 'JPY' }, 'en')).toBe('¥1')
    expect(formatMoney({ amount: 1, currency: 'BHD' }, 'en')).toBe(`BHD${NBSP}0.001`)
    expect(formatMoney({ amount: 0, currency: 'KWD' }, 'en')).toBe(`KWD${NBSP}0.000`)
  })

  test('a lower-case currency code gets the same minor units as the upper-case one', () => {
    expect(formatMoney({ amount: 12345, currency: 'bhd' }, 'en')).toBe(`BHD${NBSP}12.345`)
    expect(formatMoney({ amount: 3200, currency: 'jpy' }, 'en')).toBe('¥3,200')
  })

  test('every integer amount up to 5,000 cents shows exactly its digits (no floating-point drift)', () => {
    const wrong: string[] = []
    for (let amount = 0; amount <= 5_000; amount++) {
      const expected = `$${Math.floor(amount / 100).toLocaleString('en')}.${String(amount % 100).padStart(2, '0')}`
      const shown = formatMoney({ amount, currency: 'USD' }, 'en')
      if (shown !== expected) wrong.push(`${amount}: ${shown}`)
    }
    expect(wrong).toEqual([])
  })

  test('three-decimal amounts keep all three digits, including trailing zeros', () => {
    const wrong: string[] = []
    for (let amount = 0; amount <= 3_000; amount++) {
      const expected = `KWD${NBSP}${Math.floor(amount / 1000).toLocaleString('en')}.${String(amount % 1000).padStart(3, '0')}`
      const shown = formatMoney({ amount, currency: 'KWD' }, 'en')
      if (shown !== expected) wrong.push(`${amount}: ${shown}`)
    }
    expect(wrong).toEqual([])
  })
})

describe('minorUnits', () => {
  test.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['OMR', 3],
    ['CLF', 4],
    // Intl says 0 for these; gateways charge them in 2.
    ['HUF', 2],
    ['IDR', 2],
  ] as const)('%s has %i decimal places', (currency, digits) => {
    expect(minorUnits(currency)).toBe(digits)
  })
})

describe('formatRecurrence', () => {
  const every = (intervalCount: number, interval: BillingInterval): Billing => ({ type: 'recurring', interval, intervalCount })

  test('a one-time payment has no recurrence text', () => {
    for (const locale of ['en', 'ja', 'es', 'zh']) expect(formatRecurrence({ type: 'one_time' }, locale)).toBeNull()
  })

  test.each([
    ['en', 1, 'month', 'every month'],
    ['en', 2, 'month', 'every 2 months'],
    ['en', 3, 'week', 'every 3 weeks'],
    ['en', 1, 'week', 'every week'],
    ['en', 1, 'year', 'every year'],
    ['en', 5, 'year', 'every 5 years'],
    ['ja', 1, 'month', '毎月'],
    ['ja', 2, 'month', '2か月ごと'],
    ['ja', 3, 'week', '3週間ごと'],
    ['ja', 1, 'year', '毎年'],
    ['es', 1, 'month', 'cada mes'],
    ['es', 2, 'month', 'cada 2 meses'],
    ['es', 3, 'week', 'cada 3 semanas'],
    ['es', 1, 'year', 'cada año'],
    ['zh', 1, 'month', '每月'],
    ['zh', 2, 'month', '每2个月'],
    ['zh', 3, 'week', '每3周'],
    ['zh', 1, 'year', '每年'],
  ] as const)('%s: every %i %s is "%s"', (locale, count, interval, expected) => {
    expect(formatRecurrence(every(count, interval), locale)).toBe(expected)
  })

  test('a region tag uses its language’s words', () => {
    expect(formatRecurrence(every(2, 'month'), 'ja-JP')).toBe('2か月ごと')
    expect(formatRecurrence(every(3, 'week'), 'es-419')).toBe('cada 3 semanas')
    expect(formatRecurrence(every(1, 'year'), 'zh-CN')).toBe('每年')
  })

  test('an unsupported language falls back to English', () => {
    expect(formatRecurrence(every(2, 'month'), 'fr')).toBe('every 2 months')
  })

  test('large counts are grouped in the locale’s style', () => {
    expect(formatRecurrence(every(1000, 'week'), 'en')).toBe('every 1,000 weeks')
    expect(formatRecurrence(every(1000, 'week'), 'es')).toBe('cada 1000 semanas')
  })
})
