import { ApiFailure } from '../api-error'
import { newId } from '../ids'

/** Meta's codes the simulated Cloud API answers with, and what each becomes in Paychat's own API. */
export const CLOUD_API_ERRORS = {
  10: { title: 'Application does not have permission for this action', status: 403, code: 'forbidden', advice: '' },
  100: { title: 'Invalid parameter', status: 400, code: 'validation_failed', advice: '' },
  190: { title: 'Invalid OAuth access token', status: 401, code: 'unauthorized', advice: '' },
  131026: { title: 'Message undeliverable', status: 422, code: 'whatsapp_undeliverable', advice: '' },
  131042: {
    title: 'Business eligibility payment issue',
    status: 402,
    code: 'insufficient_credits',
    advice: 'Buy credits or turn on auto-recharge; nothing was sent or spent.',
  },
  131047: {
    title: 'Re-engagement message',
    status: 422,
    code: 'window_closed',
    advice: 'The 24-hour window is closed: only an approved template can be sent until the customer writes again.',
  },
  132000: {
    title: 'Number of parameters does not match the expected number of params',
    status: 422,
    code: 'parameter_mismatch',
    advice: '',
  },
  132001: {
    title: 'Template name does not exist in the translation',
    status: 409,
    code: 'template_not_approved',
    advice: 'Only an APPROVED template can be sent.',
  },
  132012: {
    title: 'Parameter format does not match format in the created template',
    status: 422,
    code: 'parameter_format',
    advice: '',
  },
  132015: { title: 'Template is Paused', status: 409, code: 'template_paused', advice: 'Only an APPROVED template can be sent.' },
  132016: { title: 'Template is Disabled', status: 409, code: 'template_disabled', advice: 'Only an APPROVED template can be sent.' },
} as const

export type CloudApiErrorCode = keyof typeof CLOUD_API_ERRORS

/** Meta's error envelope, exactly as the Graph API sends it. */
export interface CloudApiErrorBody {
  error: {
    message: string
    type: string
    code: number
    error_data: { messaging_product: 'whatsapp'; details: string }
    fbtrace_id: string
  }
}

/** A refusal by the (simulated) Cloud API: Graph answers it with HTTP 400 and the envelope above. */
export class CloudApiError extends Error {
  override readonly name = 'CloudApiError'
  readonly fbtraceId = newId('A', 9)

  constructor(
    readonly code: CloudApiErrorCode,
    readonly details: string,
  ) {
    super(`(#${code}) ${CLOUD_API_ERRORS[code].title}`)
  }

  toBody(): CloudApiErrorBody {
    return {
      error: {
        message: this.message,
        type: 'OAuthException',
        code: this.code,
        error_data: { messaging_product: 'whatsapp', details: this.details },
        fbtrace_id: this.fbtraceId,
      },
    }
  }

  /** The same refusal in Paychat's envelope, for the operator API that sent on the operator's behalf. */
  toApiFailure(): ApiFailure {
    const { status, code, advice } = CLOUD_API_ERRORS[this.code]
    const message = `WhatsApp refused the message (${this.code}): ${this.details}${advice ? ` ${advice}` : ''}`
    return new ApiFailure(status, code, message, undefined, { code: this.code, message: this.message, fbtraceId: this.fbtraceId })
  }
}
