import type { Brand } from '../../src/protocol/types'
import { t } from './i18n'

/** '' shows every brand's conversations. */
export function BrandFilter({ brands, value, onChange }: { brands: Brand[]; value: string; onChange(id: string): void }) {
  return (
    <div class="brand-filter">
      <label for="brand-filter">{t('brand')}</label>
      <select id="brand-filter" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{t('allBrands')}</option>
        {brands.map((brand) => (
          <option key={brand.id} value={brand.id}>
            {brand.name}
          </option>
        ))}
      </select>
    </div>
  )
}
