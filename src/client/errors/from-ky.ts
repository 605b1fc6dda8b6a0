import { isHTTPError, isTimeoutError, type HTTPError } from 'ky'
import { retryAfterMs } from '../../http/retry-policy'
import { ApiError } from './api-error'
import { NetworkError } from './network-error'
import { TimeoutError } from './timeout-error'

/** What the failed call was, for the error's message (ky's network failures carry no request). */
export interface FailedCall {
  method: string
  url: string
  timeout: number
}

/**
 * A failure of a ky call as one of the client's named errors. Done where the call is awaited, not in
 * ky's `beforeError` hook: in ky 1.14 that hook sees only `HTTPError`s, and sees each attempt's before
 * ky decides on a retry, so an `ApiError` returned there would be retried whatever its status.
 */
export async function fromKy(error: unknown, call: FailedCall): Promise<Error> {
  if (isHTTPError(error)) return apiErrorOf(error)
  if (isTimeoutError(error)) return new TimeoutError(call)
  return new NetworkError({ method: call.method, url: call.url, cause: error })
}

/** An error answer as an ApiError: the server's `{ error }` body, its `Retry-After`, method and URL. */
export async function apiErrorOf({ request, response }: HTTPError): Promise<ApiError> {
  return new ApiError({
    status: response.status,
    body: await readJson(response),
    method: request.method,
    url: request.url,
    retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
  })
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return null
  }
}
