import type {
  ApiErrorBody,
  Brand,
  ConversationSummary,
  Message,
  MessagePage,
  PaymentPage,
  PaymentRequest,
} from '../../src/protocol/types'

/** An API error answer, carrying the server's own sentence so the console can show it as is. */
export class OperatorApiError extends Error {
  override name = 'OperatorApiError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export type OperatorApi = ReturnType<typeof createOperatorApi>

/** The operator side of the contract (docs/api.md), authorised with the operator token. */
export function createOperatorApi(apiBase: string, token: string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response
    try {
      response = await fetch(`${apiBase}/v1/operator${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
        cache: 'no-store',
      })
    } catch {
      throw new OperatorApiError(0, 'network_error', 'The server cannot be reached. Check that it is running.')
    }
    const answer: unknown = response.status === 204 ? null : await response.json().catch(() => null)
    if (response.ok) return answer as T
    const error = (answer as Partial<ApiErrorBody> | null)?.error
    throw new OperatorApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `${method} ${path} answered ${response.status}.`,
    )
  }

  const id = encodeURIComponent
  return {
    brands: () => call<{ brands: Brand[] }>('GET', '/brands').then((r) => r.brands),
    conversations: () =>
      call<{ conversations: ConversationSummary[] }>('GET', '/conversations').then((r) => r.conversations),
    messages: (conversationId: string, before?: string) =>
      call<MessagePage>(
        'GET',
        `/conversations/${id(conversationId)}/messages?limit=100${before ? `&before=${id(before)}` : ''}`,
      ),
    reply: (conversationId: string, text: string) =>
      call<Message>('POST', `/conversations/${id(conversationId)}/messages`, { text }),
    paymentPages: (brandId: string) =>
      call<{ paymentPages: PaymentPage[] }>('GET', `/payment-pages?brandId=${id(brandId)}`).then((r) => r.paymentPages),
    shareCard: (conversationId: string, paymentPageId: string) =>
      call<PaymentRequest>('POST', `/conversations/${id(conversationId)}/payment-requests`, { paymentPageId }),
    revoke: (paymentRequestId: string) =>
      call<PaymentRequest>('POST', `/payment-requests/${id(paymentRequestId)}/revoke`),
  }
}
