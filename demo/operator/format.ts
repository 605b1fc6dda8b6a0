import type { Message, PaymentPage, PaymentRequest } from '../../src/protocol/types'
import { formatMoney, formatRecurrence } from '../../src/i18n/money'

/** The console is in English; money reads the same way everywhere in it. */
export const LOCALE = 'en'

/** "$24.50" or "$9.00 every 2 months". */
export function priceLine(item: Pick<PaymentPage | PaymentRequest, 'price' | 'billing'>): string {
  const recurrence = formatRecurrence(item.billing, LOCALE)
  return recurrence ? `${formatMoney(item.price, LOCALE)} ${recurrence}` : formatMoney(item.price, LOCALE)
}

/** The visitor's name, else a short form of their id (enough to tell two anonymous visitors apart). */
export function visitorLabel(visitorName: string | null, visitorId: string): string {
  return visitorName ?? `Visitor ${visitorId.replace(/^vis_/, '').slice(0, 6)}`
}

/** One line for the conversation list: who spoke last and what. */
export function messagePreview(message: Message | null): string {
  if (!message) return 'No messages yet'
  const who = message.author.role === 'operator' ? 'You: ' : message.author.role === 'bot' ? 'Bot: ' : ''
  if (message.type === 'payment_request') return `${who}Payment card: ${message.paymentRequest?.title ?? ''}`.trim()
  return `${who}${message.text}`
}

export function authorLabel(message: Message): string {
  switch (message.author.role) {
    case 'visitor':
      return 'Visitor'
    case 'system':
      return 'System'
    default:
      return message.author.name ?? (message.author.role === 'bot' ? 'Bot' : 'Operator')
  }
}

const DATE_TIME = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' })
const TIME = new Intl.DateTimeFormat(LOCALE, { timeStyle: 'short' })
const DAY = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric' })

export function timeLabel(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '' : DATE_TIME.format(date)
}

/** For the list: the time when it was today, else the day. */
export function shortTimeLabel(iso: string, now = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return date.toDateString() === now.toDateString() ? TIME.format(date) : DAY.format(date)
}
