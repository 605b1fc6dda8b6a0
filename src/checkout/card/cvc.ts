import type { CardBrand } from './card-brand'

/** American Express prints four digits on the front; the other networks three on the back. */
export function cvcLength(brand: CardBrand): number {
  return brand === 'amex' ? 4 : 3
}
