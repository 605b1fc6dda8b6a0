import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { en as checkoutEn } from '../../../src/checkout/catalogs/en'
import { es as checkoutEs } from '../../../src/checkout/catalogs/es'
import { ja as checkoutJa } from '../../../src/checkout/catalogs/ja'
import { zh as checkoutZh } from '../../../src/checkout/catalogs/zh'
import { en as consoleEn } from '../../../demo/operator/catalogs/en'
import { es as consoleEs } from '../../../demo/operator/catalogs/es'
import { ja as consoleJa } from '../../../demo/operator/catalogs/ja'
import { zh as consoleZh } from '../../../demo/operator/catalogs/zh'
import { checkCatalogs, placeholders } from './catalog-checks'

const root = resolve(import.meta.dirname, '../../..')

// The hosted checkout page and the operator console: the same checks as the widget's catalogs.
checkCatalogs('checkout page', checkoutEn, { ja: checkoutJa, es: checkoutEs, zh: checkoutZh }, resolve(root, 'src/checkout'))
checkCatalogs('operator console', consoleEn, { ja: consoleJa, es: consoleEs, zh: consoleZh }, resolve(root, 'demo/operator'))

describe('the catalog checks themselves', () => {
  test('see placeholders at all', () => {
    expect(placeholders(checkoutEn.cancelledPartly)).toEqual(['paid', 'price'])
    expect(placeholders(consoleEn.statusPaidWith)).toEqual(['amount', 'card', 'reference'])
  })

  test('the placeholder of a missing key or a changed one would show', () => {
    expect(placeholders('Pay {amount}')).not.toEqual(placeholders('Pay {total}'))
  })
})
