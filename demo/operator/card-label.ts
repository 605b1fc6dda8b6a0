import { t } from './i18n'

const BRAND_NAMES: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', jcb: 'JCB' }

/** A card brand as people say it; "card" (in the console's language) for one this console has no name for. */
export function brandName(brand: string): string {
  return (Object.hasOwn(BRAND_NAMES, brand) ? BRAND_NAMES[brand] : undefined) ?? t('anyCard')
}

/** "Visa •••• 4242": all the console ever shows of a card. */
export function cardLabel(brand: string, last4: string): string {
  return `${brandName(brand)} •••• ${last4}`
}
