import type { Brand } from '../../src/protocol/types'

/** '' shows every brand's conversations. */
export function BrandFilter({ brands, value, onChange }: { brands: Brand[]; value: string; onChange(id: string): void }) {
  return (
    <div class="brand-filter">
      <label for="brand-filter">Brand</label>
      <select id="brand-filter" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">All brands</option>
        {brands.map((brand) => (
          <option key={brand.id} value={brand.id}>
            {brand.name}
          </option>
        ))}
      </select>
    </div>
  )
}
