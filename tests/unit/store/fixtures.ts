import type { Message, PaymentRequest } from '../../../src/protocol/types'
import type { ChatMessage } from '../../../src/store/types'

const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, second)).toISOString()

export function message(id: string, second: number, over: Partial<Message> = {}): Message {
  return {
    id,
    conversationId: 'conv_1',
    clientId: null,
    type: 'text',
    author: { role: 'operator', name: 'Ana' },
    text: id,
    paymentRequest: null,
    createdAt: at(second),
    ...over,
  }
}

/** An own message as the store shows it before the server confirms it. */
export function local(clientId: string, sendStatus: 'sending' | 'failed' = 'sending'): ChatMessage {
  return {
    ...message(`local_${clientId}`, 59, { clientId, author: { role: 'visitor', name: null }, text: clientId }),
    sendStatus,
    sendError: sendStatus === 'failed' ? { code: 'offline' } : null,
  }
}

export function card(id: string, status: PaymentRequest['status'], updatedSecond: number): PaymentRequest {
  return {
    id,
    conversationId: 'conv_1',
    paymentPageId: 'pp_1',
    title: 'Beans',
    description: '1 kg',
    price: { amount: 1200, currency: 'JPY' },
    billing: { type: 'one_time' },
    status,
    failure: null,
    receipt: null,
    createdAt: at(0),
    updatedAt: at(updatedSecond),
    version: updatedSecond + 1,
    expiresAt: at(59),
    transactionType: 'sale',
    amountPaid: { amount: status === 'paid' ? 1200 : 0, currency: 'JPY' },
    charges: [],
    subscription: null,
    savedCard: null,
  }
}
