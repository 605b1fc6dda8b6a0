import type { ConversationSummary, Message, PaymentPage, PaymentRequest } from '../../src/protocol/types'
import { OPERATOR_TOKEN } from './stack'

/** The operator's side of a test, through the same API the console uses. */
export function operator(apiBase: string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${apiBase}/v1/operator${path}`, {
      method,
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }

  return {
    async conversationWith(text: string): Promise<ConversationSummary> {
      for (let tries = 0; tries < 50; tries++) {
        const { conversations } = await call<{ conversations: ConversationSummary[] }>('GET', '/conversations')
        const found = conversations.find((c) => c.lastMessage?.text === text)
        if (found) return found
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`no conversation whose last message is "${text}"`)
    },
    reply: (conversationId: string, text: string) =>
      call<Message>('POST', `/conversations/${conversationId}/messages`, { text }),
    async shareCard(conversationId: string, brandId: string, title: string): Promise<PaymentRequest> {
      const { paymentPages } = await call<{ paymentPages: PaymentPage[] }>('GET', `/payment-pages?brandId=${brandId}`)
      const page = paymentPages.find((p) => p.title === title)
      if (!page) throw new Error(`no payment page "${title}" in ${paymentPages.map((p) => p.title).join(', ')}`)
      return call<PaymentRequest>('POST', `/conversations/${conversationId}/payment-requests`, {
        paymentPageId: page.id,
      })
    },
    revoke: (paymentRequestId: string) => call<PaymentRequest>('POST', `/payment-requests/${paymentRequestId}/revoke`),
  }
}
