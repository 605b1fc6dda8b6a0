import type { PaymentFailure, PaymentStoppedCode } from '../protocol/types'
import { ApiFailure } from './api-error'

/** Declined attempts one checkout session takes, and one payment request over all its sessions. */
export const MAX_DECLINES_PER_SESSION = 5
export const MAX_DECLINES_PER_REQUEST = 10

export const PAYMENT_STOPPED: PaymentStoppedCode = 'too_many_attempts'

/** What a stopped card says: the widget shows it in the visitor's language, by its code. */
export const STOPPED_FAILURE: PaymentFailure = {
  code: PAYMENT_STOPPED,
  message: 'This payment was stopped after too many declined attempts. The shop can send you a new payment link.',
}

/** `429 too_many_attempts`: nothing more is tried on this page or card, however long one waits. */
export const tooManyAttempts = () => new ApiFailure(429, PAYMENT_STOPPED, STOPPED_FAILURE.message)
