import { en, type Catalog } from './catalogs/en'
import type { Locale } from './locale'

/**
 * The visitor's catalog, fetched on demand: the script-tag build inlines only English, so a visitor
 * downloads one catalog, not four. English when the fetch fails: the chat still works, in English.
 */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  const load =
    locale === 'ja'
      ? import('./catalogs/ja').then((m) => m.ja)
      : locale === 'es'
        ? import('./catalogs/es').then((m) => m.es)
        : locale === 'zh'
          ? import('./catalogs/zh').then((m) => m.zh)
          : Promise.resolve(en)
  return load.catch(() => en)
}
