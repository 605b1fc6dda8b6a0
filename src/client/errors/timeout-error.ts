/** No answer within the client's `timeout` (after any retries). */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError'
  readonly method: string
  readonly url: string
  readonly timeout: number

  constructor(init: { method: string; url: string; timeout: number }) {
    super(`${init.method} ${init.url} timed out after ${init.timeout} ms.`)
    this.method = init.method
    this.url = init.url
    this.timeout = init.timeout
  }
}

/** Checks `name` and shape; ky's and the DOM's `TimeoutError`s have no `method`, so they do not pass. */
export function isTimeoutError(error: unknown): error is TimeoutError {
  return (error as TimeoutError | null)?.name === 'TimeoutError' && typeof (error as TimeoutError).method === 'string'
}
