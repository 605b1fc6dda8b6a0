import { isApiError, isNetworkError, isTimeoutError } from '../client/index'

/** A sentence for the visitor about why a call failed; `fallback` when nothing better is known. */
export function errorSentence(error: unknown, fallback: string): string {
  // The server's 4xx sentences are written for people; its 5xx ones may not be.
  if (isApiError(error)) return error.status < 500 ? error.serverMessage : 'The chat service had a problem. Please try again.'
  if (isNetworkError(error)) return 'You seem to be offline. Check your connection and try again.'
  if (isTimeoutError(error)) return 'The chat service took too long to answer. Please try again.'
  return fallback
}
