import { isHTTPError, isTimeoutError as isKyTimeoutError } from 'ky'
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
    return new ApiError({ status: error.response.status, body: await readJson(error.response), method, url })
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
