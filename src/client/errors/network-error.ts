/** The request never got an answer: offline, DNS, refused connection, CORS, a dropped socket. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError'
  readonly method: string
  readonly url: string

  constructor(init: { method: string; url: string; cause?: unknown }) {
    super(`${init.method} ${init.url} failed: the network request did not complete.`, { cause: init.cause })
    this.method = init.method
    this.url = init.url
  }
}

/** Checks `name` and shape; a DOMException named `NetworkError` has no `method`, so it does not pass. */
export function isNetworkError(error: unknown): error is NetworkError {
  return (error as NetworkError | null)?.name === 'NetworkError' && typeof (error as NetworkError).method === 'string'
}
