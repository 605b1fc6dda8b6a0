import { fromCatalog, LOCALES, resolveLocale, type Locale, type TranslateOf } from '../../src/i18n/locale'
import { formatMoney, formatRecurrence } from '../../src/i18n/money'
import type { Billing, Money } from '../../src/protocol/types'
import { en, type ConsoleCatalog, type ConsoleKey } from './catalogs/en'
import { es } from './catalogs/es'
import { ja } from './catalogs/ja'
import { zh } from './catalogs/zh'

/** Every catalog at hand: the operator switches language from the header at any moment. */
export const CONSOLE_CATALOGS: Record<Locale, ConsoleCatalog> = { en, ja, es, zh }

/** Each language named in its own words, as the header's select offers it. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ja: '日本語', es: 'Español', zh: '简体中文' }

export { LOCALES, type Locale }

/** The formats of one locale, made once per switch rather than at every render. */
function formatsFor(locale: Locale) {
  return {
    dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
    day: new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }),
    // "22 Dec 2026" in English, as the widget's card says a renewal's day to the payer.
    renewalDay: new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { day: 'numeric', month: 'short', year: 'numeric' }),
    number: new Intl.NumberFormat(locale),
    change: new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }),
    list: new Intl.ListFormat(locale, { type: 'conjunction' }),
  }
}

let current: Locale = 'en'
let translate = fromCatalog(en)
let formats = formatsFor('en')

/**
 * Switches every word and format of the console. The language lives here, not in a Preact context:
 * context code would land in the chunk the console shares with the checkout page, which has a size
 * budget. ConsoleApp calls this and then re-renders from its root, so every component reads the new one.
 */
export function setConsoleLocale(locale: Locale): void {
  current = locale
  translate = fromCatalog(CONSOLE_CATALOGS[locale])
  formats = formatsFor(locale)
}

export function consoleLocale(): Locale {
  return current
}

/** A string of the console in its current language; `{name}` placeholders are filled from `params`. */
export const t: TranslateOf<ConsoleKey> = (key, params) => translate(key, params)

export const money = (amount: Money): string => formatMoney(amount, current)
export const recurrence = (billing: Billing): string | null => formatRecurrence(billing, current)
export const formatNumber = (n: number): string => formats.number.format(n)
/** "Acme Coffee and Sakura Tea", in the console's language. */
export const formatList = (items: readonly string[]): string => formats.list.format(items)
/** A credit movement: "+30", "-1". */
export const formatChange = (n: number): string => formats.change.format(n)

/** The day and time of an ISO timestamp; '' when it is not one. */
export function dateTimeLabel(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : formats.dateTime.format(date)
}

/** The time when `iso` is today, else the day: for the conversation list. */
export function shortDateTimeLabel(iso: string, now: Date): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return date.toDateString() === now.toDateString() ? formats.time.format(date) : formats.day.format(date)
}

export const renewalDayLabel = (iso: string): string => formats.renewalDay.format(new Date(iso))

/** `<html lang>` for a locale: Simplified Chinese is named by its script, so the right glyphs are chosen. */
export const htmlLang = (locale: Locale): string => (locale === 'zh' ? 'zh-Hans' : locale)

const STORAGE_KEY = 'paychat.operatorLocale'

/** The language chosen on an earlier visit, else the browser's first supported one, else English. */
export function loadLocale(storage: Storage | undefined, languages: readonly string[] | undefined): Locale {
  let stored: string | null = null
  try {
    stored = storage?.getItem(STORAGE_KEY) ?? null
  } catch {
    // Storage off (private mode): the browser's languages decide.
  }
  return resolveLocale(stored, languages ?? [])
}

export function saveLocale(storage: Storage | undefined, locale: Locale): void {
  try {
    storage?.setItem(STORAGE_KEY, locale)
  } catch {
    // Not kept across visits then; the console still switches now.
  }
}
