import { en, type Catalog, type CatalogKey } from './catalogs/en'
import { es } from './catalogs/es'
import { ja } from './catalogs/ja'
import { zh } from './catalogs/zh'

export const LOCALES = ['en', 'ja', 'es', 'zh'] as const
export type Locale = (typeof LOCALES)[number]

const CATALOGS: Record<Locale, Catalog> = { en, ja, es, zh }

export type Translate = (key: CatalogKey, params?: Record<string, string>) => string

/** A translator for one locale; `{name}` placeholders are filled from `params`. */
export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale]
  return (key, params) => catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => params?.[name] ?? whole)
}

/** The first supported language among an explicit choice, the page's `lang`, and the browser's; else English. */
export function resolveLocale(...candidates: Array<string | null | undefined | readonly string[]>): Locale {
  for (const candidate of candidates.flat()) {
    // Options come from plain JS too: a stray number must fall through, not throw.
    if (typeof candidate !== 'string') continue
    const language = candidate.toLowerCase().split(/[-_]/)[0]
    if (LOCALES.includes(language as Locale)) return language as Locale
  }
  return 'en'
}
