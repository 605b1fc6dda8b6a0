import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { LOCALES } from '../../../src/i18n/locale'

type Catalog = Readonly<Record<string, string>>

/** The `{name}` placeholders of a string, sorted. */
export const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

/**
 * The checks every catalog set gets: one catalog per supported locale, each with exactly the keys
 * English has, no empty string, the same {placeholders} per key, and no literal `{{merge.field}}`
 * (those are passed in as params, or the placeholder check could not tell them apart). With `sources`,
 * also that every English key is used somewhere in that folder, so no stale string is translated.
 */
export function checkCatalogs(name: string, en: Catalog, others: Record<string, Catalog>, sources?: string) {
  describe(`${name} catalogs`, () => {
    test('every supported locale has a catalog', () => {
      expect([...LOCALES].sort()).toEqual(['en', ...Object.keys(others)].sort())
    })

    test('English has no empty strings', () => {
      expect(Object.entries(en).filter(([, text]) => !text.trim())).toEqual([])
    })

    test('no string holds a literal {{merge field}}', () => {
      const all = [en, ...Object.values(others)].flatMap((catalog) => Object.values(catalog))
      expect(all.filter((text) => text.includes('{{'))).toEqual([])
    })

    describe.each(Object.entries(others))('%s', (_, catalog) => {
      test('has exactly the keys English has', () => {
        expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort())
      })

      test('has no empty strings', () => {
        expect(Object.entries(catalog).filter(([, text]) => typeof text !== 'string' || !text.trim())).toEqual([])
      })

      test('keeps the same {placeholders} per key', () => {
        const mismatched = Object.keys(en).filter(
          (key) => JSON.stringify(placeholders(catalog[key] ?? '')) !== JSON.stringify(placeholders(en[key]!)),
        )
        expect(mismatched).toEqual([])
      })
    })

    if (sources) {
      test('every English key is used by the code', () => {
        const code = sourceFiles(sources)
          .map((file) => readFileSync(file, 'utf8'))
          .join('\n')
        expect(Object.keys(en).filter((key) => !code.includes(`'${key}'`))).toEqual([])
      })
    }
  })
}

/** The .ts and .tsx files under `dir`, catalogs left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.split(/[/\\]/).includes('catalogs'))
    .map((file) => join(dir, file))
}
