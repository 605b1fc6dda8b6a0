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
import { RETRIES, TIMEOUT } from './defaults'
import { ApiError } from './errors/api-error'
import { openEventStream } from './event-stream'
import { request } from './request'
import type { ClientOptions, PaychatClient } from './types'

interface Call {
  json?: unknown
  headers?: Record<string, string>
  /** Only calls the server treats as idempotent are retried; a retried session start could make two. */
  idempotent: boolean
  /** Sends the session token; `POST /v1/sessions` goes without. */
  auth?: boolean
}

export function createClient(options: ClientOptions): PaychatClient {
  const apiBase = normaliseApiBase(options.apiBase)
  const timeout = options.timeout ?? TIMEOUT
  // Looked up per call rather than captured, so a fetch patched later (MSW, a polyfill) is the one used.
  const fetchImpl: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init)
  let sessionToken: string | null = null

  const retries = options.retries ?? RETRIES

  async function call<T>(method: 'GET' | 'POST', path: string, init: Call): Promise<T> {
    const url = `${apiBase}/${path}`
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers }
    if (init.auth !== false && sessionToken) headers.authorization = `Bearer ${sessionToken}`
    // POSTs sent with `idempotent: true` are made safe to repeat by the server (clientId, Idempotency-Key).
    const retry = init.idempotent ? retries : 0
    const response = await request({ method, url, headers, json: init.json, timeout, retries: retry, fetch: fetchImpl })
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
      const session = await call<SessionResponse>('POST', 'v1/sessions', { json, idempotent: false, auth: false })
      sessionToken = session.session.token
      return session
    },
    identify(body: IdentifyBody) {
      // Setting the same name and email again changes nothing: safe to repeat.
      return call<IdentifyResponse>('POST', 'v1/identify', { json: body, idempotent: true })
    },
    listMessages(conversationId, page = {}) {
      const query = new URLSearchParams()
      if (page.before !== undefined) query.set('before', page.before)
      if (page.limit !== undefined) query.set('limit', String(page.limit))
      const search = query.toString() ? `?${query}` : ''
      return call<MessagePage>('GET', `v1/conversations/${id(conversationId)}/messages${search}`, { idempotent: true })
    },
    sendMessage(conversationId, body) {
      // The clientId makes a repeat of this POST return the first message instead of a second one.
      return call<Message>('POST', `v1/conversations/${id(conversationId)}/messages`, { json: body, idempotent: true })
    },
    getPaymentRequest(paymentRequestId) {
      return call<PaymentRequest>('GET', `v1/payment-requests/${id(paymentRequestId)}`, { idempotent: true })
    },
    createCheckout(paymentRequestId, idempotencyKey) {
      return call<CheckoutSessionLink>('POST', `v1/payment-requests/${id(paymentRequestId)}/checkout`, {
        headers: { 'idempotency-key': idempotencyKey },
        idempotent: true,
      })
    },
    declinePaymentRequest(paymentRequestId) {
      // Declining a declined request answers 200 again, so a retry is harmless.
      return call<PaymentRequest>('POST', `v1/payment-requests/${id(paymentRequestId)}/decline`, { idempotent: true })
    },
    requestWhatsAppHandoff(conversationId) {
      // Not retried: each call issues a new single-use code.
      return call<WhatsAppHandoff>('POST', `v1/conversations/${id(conversationId)}/handoff/whatsapp`, { idempotent: false })
    },
    subscribe(conversationId, subscribeOptions) {
      return openEventStream(
        {
          url: `${apiBase}/v1/conversations/${id(conversationId)}/events`,
          fetch: fetchImpl,
          token: () => sessionToken,
        },
        subscribeOptions,
      )
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
