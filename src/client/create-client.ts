import type {
  CheckoutSessionLink,
  CreateSessionBody,
  IdentifyBody,
  IdentifyResponse,
  Message,
  MessagePage,
  PaymentRequest,
  SessionResponse,
  WhatsAppHandoff,
} from '../protocol/types'
import { createHttp, SAFE_TO_REPEAT, type CallOptions } from '../http/create-http'
import { TIMEOUT } from '../http/retry-policy'
import { ApiError } from './errors/api-error'
import { fromKy } from './errors/from-ky'
import { subscribeToConversation } from './subscribe'
import type { ClientOptions, PaychatClient } from './types'

export function createClient(options: ClientOptions): PaychatClient {
  const apiBase = normaliseApiBase(options.apiBase)
  const timeout = options.timeout ?? TIMEOUT
  let sessionToken: string | null = null
  const http = createHttp({
    apiBase,
    timeout,
    retries: options.retries,
    fetch: options.fetch,
    token: () => sessionToken,
  })

  async function call<T>(method: 'GET' | 'POST', path: string, init: CallOptions = {}): Promise<T> {
    const url = `${apiBase}/${path}`
    let response: Response
    try {
      response = await http(path, { ...init, method })
    } catch (error) {
      throw await fromKy(error, { method, url, timeout })
    }
    try {
      return (await response.json()) as T
    } catch {
      const error = { code: 'invalid_response', message: 'The server answered with something other than JSON.' }
      throw new ApiError({ status: response.status, body: { error }, method, url })
    }
  }

  const id = encodeURIComponent

  return {
    apiBase,
    widgetKey: options.widgetKey,
    get sessionToken() {
      return sessionToken
    },
    setSessionToken(token) {
      sessionToken = token
    },
    async startSession(body = {}) {
      const json: CreateSessionBody = { ...body, widgetKey: options.widgetKey }
      // Not retried (a POST): a repeat could open a second conversation.
      const session = await call<SessionResponse>('POST', 'v1/sessions', { json, context: { auth: false } })
      sessionToken = session.session.token
      return session
    },
    identify(body: IdentifyBody) {
      // Setting the same name and email again changes nothing: safe to repeat.
      return call<IdentifyResponse>('POST', 'v1/identify', { json: body, ...SAFE_TO_REPEAT })
    },
    listMessages(conversationId, page = {}) {
      const query = new URLSearchParams()
      if (page.before !== undefined) query.set('before', page.before)
      if (page.limit !== undefined) query.set('limit', String(page.limit))
      const search = query.toString() ? `?${query}` : ''
      return call<MessagePage>('GET', `v1/conversations/${id(conversationId)}/messages${search}`)
    },
    sendMessage(conversationId, body) {
      // Retried: the server answers a clientId it has seen with the first message, so a repeat cannot post twice.
      return call<Message>('POST', `v1/conversations/${id(conversationId)}/messages`, { json: body, ...SAFE_TO_REPEAT })
    },
    getPaymentRequest(paymentRequestId) {
      return call<PaymentRequest>('GET', `v1/payment-requests/${id(paymentRequestId)}`)
    },
    createCheckout(paymentRequestId, idempotencyKey) {
      // Retried: a repeat with the same Idempotency-Key answers with the first checkout, never a second one.
      return call<CheckoutSessionLink>('POST', `v1/payment-requests/${id(paymentRequestId)}/checkout`, {
        context: { idempotencyKey },
        ...SAFE_TO_REPEAT,
      })
    },
    declinePaymentRequest(paymentRequestId) {
      // Declining a declined request answers 200 again, so a retry is harmless.
      return call<PaymentRequest>('POST', `v1/payment-requests/${id(paymentRequestId)}/decline`, SAFE_TO_REPEAT)
    },
    requestWhatsAppHandoff(conversationId) {
      // Not retried: each call issues a new single-use code.
      return call<WhatsAppHandoff>('POST', `v1/conversations/${id(conversationId)}/handoff/whatsapp`)
    },
    subscribe(conversationId, subscribeOptions) {
      return subscribeToConversation(http, `v1/conversations/${id(conversationId)}/events`, subscribeOptions)
    },
  }
}

function normaliseApiBase(apiBase: unknown): string {
  if (typeof apiBase !== 'string' || !/^https?:$/.test(protocolOf(apiBase))) {
    throw new TypeError(`createClient: \`apiBase\` must be an http(s) URL such as "https://chat.example.com", got ${JSON.stringify(apiBase)}.`)
  }
  // A trailing slash would double up with each path's own.
  return apiBase.replace(/\/+$/, '')
}

// `URL.canParse` is too new for some of the browsers visitors bring.
function protocolOf(url: string): string {
  try {
    return new URL(url).protocol
  } catch {
    return ''
  }
}
