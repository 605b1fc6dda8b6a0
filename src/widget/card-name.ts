import type { Translate } from '../i18n/translate'

const CARD_BRANDS: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', jcb: 'JCB' }

/** "Visa •••• 4242"; a brand the widget does not name reads as the catalog's word for a card. */
export function cardName(card: { cardBrand: string; last4: string } | null | undefined, t: Translate): string {
  return `${CARD_BRANDS[card?.cardBrand ?? ''] ?? t('anyCard')} •••• ${card?.last4 ?? '····'}`
}
