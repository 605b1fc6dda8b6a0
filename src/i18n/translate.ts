import { en, type Catalog } from './catalogs/en'
import { es } from './catalogs/es'
import { ja } from './catalogs/ja'
import { zh } from './catalogs/zh'
import { fromCatalog, type Locale, type Translate } from './locale'

export { LOCALES, resolveLocale, type Locale, type Translate } from './locale'

const CATALOGS: Record<Locale, Catalog> = { en, ja, es, zh }

/** A translator for one locale, every catalog at hand; `{name}` placeholders are filled from `params`. */
export function translator(locale: Locale): Translate {
  return fromCatalog(CATALOGS[locale])
}
