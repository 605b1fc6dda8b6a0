import type { ApiErrorBody } from '../../protocol/types'

/** The server answered with an error status; `code` and `serverMessage` come from its `{ error }` body. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  /** The server's stable snake_case code (`http_<status>` when the body was not the documented shape). */
  readonly code: string
  /** The server's own sentence, fit to show a visitor for 4xx answers. */
  readonly serverMessage: string
  readonly field: string | null
  readonly method: string
  readonly url: string
  /** How long the server asked to wait (`Retry-After`, mostly with 429 and 503), in ms; null when it did not say. */
  readonly retryAfterMs: number | null

  constructor(init: { status: number; body: unknown; method: string; url: string; retryAfterMs?: number | null }) {
    const error = readErrorBody(init.body)
    const code = error?.code ?? `http_${init.status}`
    const serverMessage = error?.message ?? `The server answered with status ${init.status}.`
    super(`${init.method} ${init.url} failed with ${init.status} ${code}: ${serverMessage}`)
    this.status = init.status
    this.code = code
    this.serverMessage = serverMessage
    this.field = error?.field ?? null
    this.method = init.method
    this.url = init.url
    this.retryAfterMs = init.retryAfterMs ?? null
  }
}

function readErrorBody(body: unknown): ApiErrorBody['error'] | null {
  const error = (body as Partial<ApiErrorBody> | null)?.error
  return error && typeof error.code === 'string' && typeof error.message === 'string' ? error : null
}

/** Checks `name` and shape rather than `instanceof`, so it also holds for errors from another realm or copy. */
export function isApiError(error: unknown): error is ApiError {
  return (error as ApiError | null)?.name === 'ApiError' && typeof (error as ApiError).status === 'number'
}
