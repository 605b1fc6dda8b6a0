import { ApiError } from '../../../src/client/index'
import type { PaychatClient, SubscribeOptions } from '../../../src/client/types'
import type { CheckoutSessionLink, Message, PaymentRequest, SessionResponse } from '../../../src/protocol/types'
import { card, message } from './fixtures'

/**
 * A scripted PaychatClient for store rules that the reference server cannot be made to break (an
 * unsafe checkout URL, a stale answer). Each call is recorded; answers come from the overridable fields.
 */
export function fakeClient() {
  const calls: Array<[string, ...unknown[]]> = []
  let stream: SubscribeOptions | null = null
  const fake = {
    calls,
    /** Pushes an event as if the stream delivered it. */
    push: (event: Parameters<SubscribeOptions['onEvent']>[0], id: string) => stream?.onEvent(event, id),
    status: (status: Parameters<NonNullable<SubscribeOptions['onStatus']>>[0]) => stream?.onStatus?.(status),
    session: {
      session: { token: 'st_new', visitorId: 'vis_1', resumed: false },
      brand: { id: 'brand_1', name: 'Bean Bros', currency: 'JPY', color: '#333333', greeting: 'Hi', checkoutOrigins: ['https://pay.example'], linkOrigins: [], whatsapp: false },
      conversation: { id: 'conv_1', brandId: 'brand_1', visitorId: 'vis_1', createdAt: 'x', updatedAt: 'x' },
    } as SessionResponse,
    page: [message('msg_1', 1, { type: 'payment_request', paymentRequest: card('pr_1', 'pending', 1) })] as Message[],
    startError: null as Error | null,
    identifyError: null as Error | null,
    sendError: null as Error | null,
    /** Thrown by the next sends, one each, before `sendError` applies. */
    sendFailures: [] as Error[],
    checkoutUrl: 'https://pay.example/cs_1',
    handoffUrl: 'https://wa.me/15550001234?text=Hi%20(code%20PC-ABCDEF)',
    checkoutExpiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    card: card('pr_1', 'checkout_open', 2) as PaymentRequest,
  }

  const client: PaychatClient = {
    apiBase: 'https://chat.example.com',
    widgetKey: 'wk_demo',
    sessionToken: null,
    setSessionToken() {},
    async startSession(body) {
      calls.push(['startSession', body])
      if (fake.startError) throw fake.startError
      return fake.session
    },
    async identify(body) {
      calls.push(['identify', body])
      if (fake.identifyError) throw fake.identifyError
      return { visitor: { name: body.name ?? null, email: body.email, verified: true } }
    },
    async listMessages(conversationId) {
      calls.push(['listMessages', conversationId])
      return { messages: fake.page, hasMore: false, lastEventId: '4' }
    },
    async sendMessage(conversationId, body) {
      calls.push(['sendMessage', conversationId, body])
      const failure = fake.sendFailures.shift() ?? fake.sendError
      if (failure) throw failure
      return message(`msg_${body.clientId}`, 30, { clientId: body.clientId, text: body.text, author: { role: 'visitor', name: null } })
    },
    async getPaymentRequest(id) {
      calls.push(['getPaymentRequest', id])
      return fake.card
    },
    async createCheckout(id, key): Promise<CheckoutSessionLink> {
      calls.push(['createCheckout', id, key])
      return { checkoutSessionId: 'cs_1', checkoutUrl: fake.checkoutUrl, expiresAt: fake.checkoutExpiresAt }
    },
    async declinePaymentRequest(id) {
      calls.push(['declinePaymentRequest', id])
      throw new ApiError({
        status: 409,
        body: { error: { code: 'invalid_state', message: 'This payment request was already paid.' } },
        method: 'POST',
        url: `https://chat.example.com/v1/payment-requests/${id}/decline`,
      })
    },
    async requestWhatsAppHandoff(conversationId) {
      calls.push(['requestWhatsAppHandoff', conversationId])
      return { url: fake.handoffUrl, code: 'PC-ABCDEF', expiresAt: fake.checkoutExpiresAt }
    },
    subscribe(conversationId, options) {
      calls.push(['subscribe', conversationId, options.lastEventId])
      stream = options
      options.onStatus?.('open')
      return {
        close() {
          options.onStatus?.('closed')
          stream = null
        },
      }
    },
  }
  return { client, fake }
}

/** A Map-backed `Storage` stand-in. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  }
}
