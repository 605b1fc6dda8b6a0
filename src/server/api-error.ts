import type { ApiErrorBody } from '../protocol/types'

/** A refusal the handlers turn into `{ error: { code, message, field? } }` with its HTTP status. */
export class ApiFailure extends Error {
  override readonly name = 'ApiFailure'
  /** Headers the answer carries besides the envelope, e.g. a 429's `Retry-After`. */
  readonly headers: Record<string, string> = {}

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The Cloud API's own error when WhatsApp refused the send. */
    readonly whatsapp?: NonNullable<ApiErrorBody['error']['whatsapp']>,
  ) {
    super(message)
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.whatsapp ? { whatsapp: this.whatsapp } : {}),
      },
    }
  }
}

export const notFound = (what: string) => new ApiFailure(404, 'not_found', `No ${what} with that id.`)

export const invalidState = (what: string, status: string) =>
  new ApiFailure(409, 'invalid_state', `This ${what} is ${status.replace('_', ' ')}, so that is no longer possible.`)
