import { resolveLocale, type Locale } from '../i18n/locale'
import { en, type CheckoutCatalog } from './catalogs/en'
import { checkoutText, type CheckoutText } from './text'

/**
 * The page's language: `?locale=` on the checkout URL (the widget can pass the language the chat
 * speaks), else the browser's languages; English when none is supported.
 */
export function pageLocale(search: string, languages: readonly string[] | undefined): Locale {
  return resolveLocale(new URLSearchParams(search).get('locale'), languages ?? [])
}

/**
 * The page's text in `locale`. English is bundled; the others are chunks of their own, so a payer
 * downloads one catalog, not four. English when the chunk cannot be fetched: the page still works.
 */
export function loadCheckoutText(locale: Locale): Promise<CheckoutText> {
  const load: Promise<CheckoutCatalog> =
    locale === 'ja'
      ? import('./catalogs/ja').then((m) => m.ja)
      : locale === 'es'
        ? import('./catalogs/es').then((m) => m.es)
        : locale === 'zh'
          ? import('./catalogs/zh').then((m) => m.zh)
          : Promise.resolve(en)
  return load.then(
    (catalog) => checkoutText(locale, catalog),
    () => checkoutText('en', en),
  )
}

/** `<html lang>` for a locale: Simplified Chinese is named by its script, so the right glyphs are chosen. */
export function htmlLang(locale: Locale): string {
  return locale === 'zh' ? 'zh-Hans' : locale
}
