import { isolated } from '../../src/i18n/bidi'
import type { Message, PaymentPage, PaymentRequest } from '../../src/protocol/types'
import { consoleLocale, dateTimeLabel, money, recurrence, shortDateTimeLabel, t } from './i18n'

/** "$24.50" or "$9.00 every 2 months", in the console's language. */
export function priceLine(item: Pick<PaymentPage | PaymentRequest, 'price' | 'billing'>): string {
  const every = recurrence(item.billing)
  return every ? `${money(item.price)} ${every}` : money(item.price)
}

/** The visitor's name, else a short form of their id (enough to tell two anonymous visitors apart). */
export function visitorLabel(visitorName: string | null, visitorId: string): string {
  return visitorName ?? t('visitorShort', { id: visitorId.replace(/^vis_/, '').slice(0, 6) })
}

/** One line for the conversation list: who spoke last and what; what anyone wrote is isolated inside it. */
export function messagePreview(message: Message | null): string {
  if (!message) return t('noMessagesYet')
  const card = message.type === 'payment_request' ? t('previewPaymentCard', { title: isolated(message.paymentRequest?.title ?? '') }).trim() : null
  if (message.author.role === 'operator') return t('previewYou', { text: card ?? isolated(message.text) })
  if (message.author.role === 'bot') return t('previewBot', { text: card ?? isolated(message.text) })
  // A visitor's message is the whole line, isolated by its element.
  return card ?? message.text
}

export function authorLabel(message: Message): string {
  switch (message.author.role) {
    case 'visitor':
      return t('authorVisitor')
    case 'system':
      return t('authorSystem')
    default:
      return message.author.name ?? t(message.author.role === 'bot' ? 'authorBot' : 'authorOperator')
  }
}

export const timeLabel = (iso: string): string => dateTimeLabel(iso)

/** For the list: the time when it was today, else the day. */
export function shortTimeLabel(iso: string, now = new Date()): string {
  return shortDateTimeLabel(iso, now)
}

/** "a, b and c" in the console's language (Intl.ListFormat). */
export function listOf(items: string[]): string {
  return new Intl.ListFormat(consoleLocale(), { type: 'conjunction' }).format(items)
}
