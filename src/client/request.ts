import { backoff, retryAfterMs } from './backoff'
import { MAX_RETRY_AFTER, RETRY_STATUS } from './defaults'
import { ApiError } from './errors/api-error'
import { NetworkError } from './errors/network-error'
import { TimeoutError } from './errors/timeout-error'

export interface RequestInit {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  json?: unknown
  timeout: number
  /** Retries after a dropped connection or a retryable status (0 for calls a repeat could harm). */
  retries: number
  fetch: typeof fetch
}

/** First retry waits about this long, each next one twice as long, up to `RETRY_MAX`. */
const RETRY_BASE = 300
const RETRY_MAX = 5_000

/**
 * One API call: a timeout per attempt, retries with backoff and jitter (or the server's Retry-After,
 * unless that is longer than a visitor should wait), and every failure as one of the client's named
 * errors. A few dozen lines where a general HTTP library would cost the visitor 4 kB.
 */
export async function request(init: RequestInit): Promise<Response> {
  const { method, url, timeout } = init
  const headers = { ...init.headers, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) }
  const body = init.json === undefined ? null : JSON.stringify(init.json)
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= init.retries
    let response: Response
    try {
      response = await init.fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeout) })
    } catch (cause) {
      // A timeout is not retried: the server may still be working on it, and the visitor has waited enough.
      if ((cause as Error | null)?.name === 'TimeoutError') throw new TimeoutError({ method, url, timeout })
      if (last) throw new NetworkError({ method, url, cause })
      await sleep(backoff(attempt, RETRY_BASE, RETRY_MAX))
      continue
    }
    if (response.ok) return response
    const retryAfter = retryAfterMs(response.headers.get('retry-after'))
    if (last || !RETRY_STATUS.includes(response.status) || (retryAfter ?? 0) > MAX_RETRY_AFTER) {
      throw new ApiError({ status: response.status, body: await readJson(response), method, url, retryAfterMs: retryAfter })
    }
    await sleep(retryAfter ?? backoff(attempt, RETRY_BASE, RETRY_MAX))
  }
}

export async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return null
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
