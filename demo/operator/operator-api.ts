import { isHTTPError, type KyInstance } from 'ky'
import type {
  ApiErrorBody,
  Brand,
  CannedResponse,
  ConversationSummary,
  Credits,
  FilledCannedResponse,
  Message,
  MessagePage,
  MessageTemplate,
  OperatorProfile,
  PaymentPage,
  PaymentRequest,
  SendTemplateBody,
  SharePaymentRequestBody,
  Transaction,
} from '../../src/protocol/types'
import { isApiError } from '../../src/client/errors/api-error'
import { openEventStream, type EventStreamOptions } from '../../src/client/event-stream'
import { createHttp } from '../../src/http/create-http'
import { t } from './i18n'

/**
 * An API error answer, carrying the server's own sentence so the console can show it as is. Its fields
 * are assigned, not declared as class fields, which would only add declarations to its bytes.
 */
export class OperatorApiError extends Error {
  declare readonly status: number
  declare readonly code: string
  /** The input field the server blamed, so a form can show the sentence next to it. */
  declare readonly field: string | undefined

  constructor(status: number, code: string, message: string, field?: string) {
    super(message)
    this.name = 'OperatorApiError'
    this.status = status
    this.code = code
    this.field = field
  }
}

export type OperatorApi = ReturnType<typeof createOperatorApi>

/** Why the live stream gave up (a 401 or 403): the server's sentence, or ours when its answer had none. */
export function streamRefusal(error: Error): string {
  if (!isApiError(error)) return error.message
  // `http_<status>` is the client's code for an answer without the documented `{ error }` body.
  return error.code === `http_${error.status}` ? t('liveRefused', { status: String(error.status) }) : error.serverMessage
}

/** What creating a template sends (docs/api.md); editing sends the same without `brandId`. */
export type TemplateInput = Pick<MessageTemplate, 'brandId' | 'name' | 'language' | 'category' | 'parameterFormat' | 'components'>

/** A canned reply as the editor saves it; `brandId: null` shares it with every brand (an admin's to make). */
export interface CannedReplyInput {
  name: string
  text: string
  brandId?: string | null
}

export interface AutoRecharge {
  enabled: boolean
  minimumBalance: number
  rechargeAmount: number
}

/**
 * One JSON request to the API. Any refusal becomes an OperatorApiError with the server's sentence;
 * a network failure or an answer without a reason one with a sentence of ours, in the console's language.
 */
export async function requestJson<T>(http: KyInstance, method: string, path: string, json?: unknown): Promise<T> {
  let response: Response
  try {
    response = await http(path, { method, json })
  } catch (error) {
    if (!isHTTPError(error)) throw new OperatorApiError(0, 'network_error', t('networkError'))
    response = error.response
  }
  const answer: unknown = response.status === 204 ? null : await response.json().catch(() => null)
  if (response.ok) return answer as T
  const error = (answer as Partial<ApiErrorBody> | null)?.error
  throw new OperatorApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? t('httpError', { request: `${method} /${path}`, status: String(response.status) }),
    error?.field,
  )
}

/** The operator side of the contract (docs/api.md), authorised with the operator token. */
export function createOperatorApi(apiBase: string, token: string) {
  const http = createHttp({ apiBase, token: () => token })
  const call = <T>(method: string, path: string, body?: unknown): Promise<T> =>
    requestJson<T>(http, method, `v1/operator${path}`, body)

  const id = encodeURIComponent
  return {
    /** Whose token this is: its name, role and brands decide what the console offers. */
    me: () => call<OperatorProfile>('GET', '/me'),
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
    shareCard: (conversationId: string, body: SharePaymentRequestBody) =>
      call<PaymentRequest>('POST', `/conversations/${id(conversationId)}/payment-requests`, body),
    revoke: (paymentRequestId: string) =>
      call<PaymentRequest>('POST', `/payment-requests/${id(paymentRequestId)}/revoke`),
    /** An `authorize` card's hold: charged now (capture) or released (void). */
    capture: (paymentRequestId: string) =>
      call<PaymentRequest>('POST', `/payment-requests/${id(paymentRequestId)}/capture`),
    void: (paymentRequestId: string) => call<PaymentRequest>('POST', `/payment-requests/${id(paymentRequestId)}/void`),
    transactions: (conversationId: string) =>
      call<{ transactions: Transaction[] }>('GET', `/conversations/${id(conversationId)}/transactions`).then(
        (r) => r.transactions,
      ),

    operators: () => call<{ operators: OperatorProfile[] }>('GET', '/operators').then((r) => r.operators),
    transfer: (conversationId: string, operatorId: string) =>
      call<ConversationSummary>('POST', `/conversations/${id(conversationId)}/transfer`, { operatorId }),

    /** Every brand's templates for '' (all brands). */
    templates: (brandId: string) =>
      call<{ templates: MessageTemplate[] }>('GET', `/templates${brandId ? `?brandId=${id(brandId)}` : ''}`).then(
        (r) => r.templates,
      ),
    createTemplate: (input: TemplateInput) => call<MessageTemplate>('POST', '/templates', input),
    editTemplate: (templateId: string, input: Omit<TemplateInput, 'brandId'>) =>
      call<MessageTemplate>('PATCH', `/templates/${id(templateId)}`, input),
    deleteTemplate: (templateId: string) => call<null>('DELETE', `/templates/${id(templateId)}`),
    submitTemplate: (templateId: string) => call<MessageTemplate>('POST', `/templates/${id(templateId)}/submit`),
    sendTemplate: (conversationId: string, body: SendTemplateBody) =>
      call<Message>('POST', `/conversations/${id(conversationId)}/templates`, body),

    /** By name; for one brand's conversations (`brandId`), that brand's replies and the shared ones. */
    cannedResponses: (query = '', brandId = '') => {
      const search = new URLSearchParams({ ...(query ? { q: query } : {}), ...(brandId ? { brandId } : {}) }).toString()
      return call<{ cannedResponses: CannedResponse[] }>('GET', `/canned-responses${search ? `?${search}` : ''}`).then((r) => r.cannedResponses)
    },
    createCannedResponse: (input: CannedReplyInput) => call<CannedResponse>('POST', '/canned-responses', input),
    editCannedResponse: (cannedId: string, input: { name?: string; text?: string }) =>
      call<CannedResponse>('PATCH', `/canned-responses/${id(cannedId)}`, input),
    deleteCannedResponse: (cannedId: string) => call<null>('DELETE', `/canned-responses/${id(cannedId)}`),
    fillCannedResponse: (cannedId: string, conversationId: string) =>
      call<FilledCannedResponse>('GET', `/canned-responses/${id(cannedId)}/fill?conversationId=${id(conversationId)}`),

    credits: () => call<Credits>('GET', '/credits'),
    purchaseCredits: (amount: number) => call<Credits>('POST', '/credits/purchase', { amount }),
    setAutoRecharge: (settings: AutoRecharge) => call<Credits>('PUT', '/credits/auto-recharge', settings),

    /** Every operator event, live, through the client's stream: its reconnect, backoff and resume. */
    events: (options: EventStreamOptions) => openEventStream(http, 'v1/operator/events', options),
  }
}
