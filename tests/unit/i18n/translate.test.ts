import { describe, expect, test } from 'vitest'
import { en, type CatalogKey } from '../../../src/i18n/catalogs/en'
import { es } from '../../../src/i18n/catalogs/es'
import { ja } from '../../../src/i18n/catalogs/ja'
import { zh } from '../../../src/i18n/catalogs/zh'
import { LOCALES, resolveLocale, translator } from '../../../src/i18n/translate'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('catalogs', () => {
  const others = { ja, es, zh }

  test('every supported locale has a catalog', () => {
    expect([...LOCALES].sort()).toEqual(['en', ...Object.keys(others)].sort())
  })

  test('English has no empty strings', () => {
    expect(Object.entries(en).filter(([, text]) => !text.trim())).toEqual([])
  })

  describe.each(Object.entries(others))('%s', (_, catalog) => {
    test('has exactly the keys English has', () => {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort())
    })

    test('has no empty strings', () => {
      expect(Object.entries(catalog).filter(([, text]) => typeof text !== 'string' || !text.trim())).toEqual([])
    })

    test('keeps the same {placeholders} per key', () => {
      const mismatched = Object.keys(en)
        .map((key) => key as CatalogKey)
        .filter((key) => JSON.stringify(placeholders(catalog[key])) !== JSON.stringify(placeholders(en[key])))
      expect(mismatched).toEqual([])
    })
  })

  test('the placeholder check sees placeholders at all', () => {
    expect(placeholders(en.partPaid)).toEqual(['paid', 'price'])
  })
})

describe('translator', () => {
  test('fills {placeholders} from params', () => {
    const t = translator('en')
    expect(t('statusPaid', { card: 'Visa •••• 4242' })).toBe('Paid with Visa •••• 4242')
    expect(t('statusRevoked', { brand: 'Acme Coffee' })).toBe('Withdrawn by Acme Coffee')
  })

  test('uses the catalog of its locale', () => {
    expect(translator('ja')('payNow')).toBe('今すぐ支払う')
    expect(translator('es')('statusRevoked', { brand: 'Acme' })).toBe('Retirado por Acme')
    expect(translator('zh')('statusPaid', { card: 'Visa •••• 4242' })).toBe('已使用 Visa •••• 4242 支付')
  })

  test('a key without placeholders comes back as written', () => {
    expect(translator('en')('payNow')).toBe('Pay now')
  })

  test('a missing param leaves its placeholder visible rather than "undefined"', () => {
    expect(translator('en')('statusRevoked')).toBe('Withdrawn by {brand}')
    expect(translator('en')('partPaid', { paid: '$30.00' })).toBe('$30.00 of {price} paid')
  })

  test('a param value is inserted literally, never expanded again', () => {
    const t = translator('en')
    expect(t('statusRevoked', { brand: '{brand} $& $1' })).toBe('Withdrawn by {brand} $& $1')
    expect(t('partPaid', { paid: '{price}', price: '$100.00' })).toBe('{price} of $100.00 paid')
  })
})

describe('resolveLocale', () => {
  test('an explicit choice beats the page lang, which beats the browser', () => {
    expect(resolveLocale('es', 'ja', ['zh'])).toBe('es')
    expect(resolveLocale(undefined, 'ja', ['zh'])).toBe('ja')
    expect(resolveLocale(undefined, '', ['zh', 'ja'])).toBe('zh')
  })

  test('an unsupported earlier candidate is passed over for the next supported one', () => {
    expect(resolveLocale('fr', 'ja', ['es'])).toBe('ja')
    expect(resolveLocale(null, 'de', ['fr-FR', 'es-MX', 'en'])).toBe('es')
  })

  test.each([
    ['ja-JP', 'ja'],
    ['zh-Hans-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['es-419', 'es'],
    ['en-GB', 'en'],
    ['JA', 'ja'],
    ['ja_JP', 'ja'],
  ] as const)('region tag %s resolves to %s', (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale)
  })

  test('a candidate that is not a string is passed over, not thrown on', () => {
    expect(resolveLocale(42 as unknown as string, 'ja')).toBe('ja')
    expect(resolveLocale({} as unknown as string, [7 as unknown as string, 'es'])).toBe('es')
  })

  test('unknown or missing languages resolve to English', () => {
    expect(resolveLocale()).toBe('en')
    expect(resolveLocale(undefined, null, [])).toBe('en')
    expect(resolveLocale('fr', 'de-DE', ['pt-BR', 'x'])).toBe('en')
    expect(resolveLocale('', '   ', [''])).toBe('en')
  })
})
