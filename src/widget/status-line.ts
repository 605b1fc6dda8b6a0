import { formatMoney } from '../i18n/money'
import type { Locale, Translate } from '../i18n/translate'
import type { PaymentRequest } from '../protocol/types'
import { isStopped } from '../store/can-pay'
import { cardName } from './card-name'

/** The card's one-line state, as the server says it; announced politely when it changes. */
export function statusLine(request: PaymentRequest, t: Translate, brandName: string, locale: Locale): string {
  switch (request.status) {
    case 'pending':
      return t('statusPending')
    case 'checkout_open':
      return t('statusCheckoutOpen')
    case 'paid':
      return t('statusPaid', { card: cardName(request.receipt, t) })
    case 'failed':
      // A stop is said in the visitor's language; a decline's reason is the server's (English) sentence.
      if (isStopped(request)) return t('statusStopped', { brand: brandName })
      return t('statusFailed', { reason: request.failure?.message ?? '' })
    case 'unknown': {
      // Support finds the attempt by its reference; the visitor has nothing else to give them.
      const reference = request.failure?.reference
      return t('statusUnknown') + (reference ? ' ' + t('statusPaidReference', { reference }) : '')
    }
    case 'declined':
      return t('statusDeclined')
    case 'revoked':
      return t('statusRevoked', { brand: brandName })
    case 'expired':
      return t('statusExpired')
    case 'authorized':
      return t('statusAuthorized', {
        // The hold itself when listed (a card brand's surcharge included), else the price asked.
        amount: formatMoney(request.charges?.at(-1)?.amount ?? request.price, locale),
        card: cardName(request.receipt, t),
      })
    case 'voided':
      return t('statusVoided')
    case 'card_saved':
      return t('statusCardSaved', { card: cardName(request.savedCard ?? request.receipt, t) })
  }
}
