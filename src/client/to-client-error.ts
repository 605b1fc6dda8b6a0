import { isHTTPError, isTimeoutError as isKyTimeoutError } from 'ky'
import { retryAfterMs } from './backoff'
import { ApiError } from './errors/api-error'
import { NetworkError } from './errors/network-error'
import { TimeoutError } from './errors/timeout-error'

/** Turns whatever ky or fetch threw into one of the client's named errors. */
export async function toClientError(
  error: unknown,
  request: { method: string; url: string; timeout: number },
): Promise<Error> {
  const { method, url } = request
  if (isHTTPError(error)) {
    const { response } = error
    const retryAfter = retryAfterMs(response.headers.get('retry-after'))
    return new ApiError({ status: response.status, body: await readJson(response), method, url, retryAfterMs: retryAfter })
  }
  if (isKyTimeoutError(error)) return new TimeoutError(request)
  return new NetworkError({ method, url, cause: error })
}

export async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return null
  }
}
