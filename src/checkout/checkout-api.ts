import { isHTTPError } from 'ky'
import { createHttp } from '../http/create-http'
import type {
  ApiErrorBody,
  CheckoutPayBody,
  CheckoutPayResult,
  CheckoutSessionView,
  WalletSignIn,
} from '../protocol/types'

/**
 * An error answer of the API, or a network failure (`status` 0, `code` `network_error`). Its fields
 * are assigned, not declared as class fields, which would only add declarations to the page's bytes.
 */
export class CheckoutApiError extends Error {
  declare readonly status: number
  declare readonly code: string
  declare readonly field: string | undefined

  constructor(status: number, code: string, message: string, field: string | undefined) {
    super(message)
    this.name = 'CheckoutApiError'
    this.status = status
    this.code = code
    this.field = field
  }
}

/** Why the page gives up a checkout: the payer pressed Cancel, or left it untouched too long. */
export type CancelReason = 'payer' | 'timeout'

export interface CheckoutApi {
  getSession(sessionId: string): Promise<CheckoutSessionView>
  /**
   * Card data goes here and nowhere else; the body is built and dropped inside this call. The key is
   * the attempt's (see ./attempt.ts): the same key again is a retry, answered without a second charge.
   */
  pay(sessionId: string, body: CheckoutPayBody, idempotencyKey: string): Promise<CheckoutPayResult>
  /** What the payer did on the bank's extra step (3-D Secure), under the answer's own key. */
  completeChallenge(sessionId: string, challengeId: string, result: 'pass' | 'fail', idempotencyKey: string): Promise<CheckoutPayResult>
  walletSignIn(sessionId: string, credentials: { email: string; password: string }): Promise<WalletSignIn>
  cancel(sessionId: string, reason: CancelReason): Promise<CheckoutSessionView>
}

/** `apiBase` is the API's origin, '' for the page's own (the reference server serves both). */
export function createCheckoutApi(apiBase = ''): CheckoutApi {
  const http = createHttp({ apiBase })
  const path = (sessionId: string, suffix = '') => `v1/checkout/sessions/${encodeURIComponent(sessionId)}${suffix}`
  const post = <T>(sessionId: string, suffix: string, body: unknown, idempotencyKey?: string) =>
    request<T>(http.post(path(sessionId, suffix), { json: body, context: { idempotencyKey } }))
  return {
    getSession: (sessionId) => request<CheckoutSessionView>(http.get(path(sessionId))),
    pay: (sessionId, body, idempotencyKey) => post(sessionId, '/pay', body, idempotencyKey),
    completeChallenge: (sessionId, challengeId, result, idempotencyKey) =>
      post(sessionId, `/challenges/${encodeURIComponent(challengeId)}`, { result }, idempotencyKey),
    walletSignIn: (sessionId, credentials) => post(sessionId, '/wallet/sign-in', credentials),
    cancel: (sessionId, reason) => post(sessionId, '/cancel', { reason }),
  }
}

/** The answer's JSON, or a CheckoutApiError: the server's refusal, or status 0 when none came in time. */
async function request<T>(call: Promise<Response>): Promise<T> {
  let response: Response
  try {
    response = await call
  } catch (error) {
    // The payer reads the page's own sentence for these codes (apiErrorText in ./text), in their language.
    if (!isHTTPError(error)) throw new CheckoutApiError(0, 'network_error', 'The payment server could not be reached.', undefined)
    response = error.response
  }
  const body: unknown = await response.json().catch(() => null)
  if (response.ok && body !== null) return body as T
  const error = (body as Partial<ApiErrorBody> | null)?.error
  throw new CheckoutApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? `HTTP ${response.status}`,
    error?.field,
  )
}
