import type { CatalogKey } from './catalogs/en'

/**
 * Locales and translators without the catalogs: the script-tag build brings the visitor's catalog
 * on demand (./load-catalog), so nothing it imports may import the catalogs statically.
 */
export const LOCALES = ['en', 'ja', 'es', 'zh'] as const
export type Locale = (typeof LOCALES)[number]

/** A translator over the keys `K` of some catalog (the widget's, the checkout page's, the console's). */
export type TranslateOf<K extends string> = (key: K, params?: Record<string, string>) => string
export type Translate = TranslateOf<CatalogKey>

/**
 * A translator over one catalog; `{name}` placeholders are filled from `params`. A key the catalog
 * lacks reads as '' (src/widget/error-text.ts asks for a server code's sentence and falls back).
 */
export function fromCatalog<K extends string>(catalog: Record<K, string>): TranslateOf<K> {
  return (key, params) => (catalog[key] ?? '').replace(/\{(\w+)\}/g, (whole, name: string) => params?.[name] ?? whole)
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
