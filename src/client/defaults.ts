/** Per-request timeout in ms. */
export const TIMEOUT = 15_000
/** Retries of an idempotent call after a network error, 408, 429 or 5xx. */
export const RETRIES = 2
/** Status codes worth retrying: the request may succeed later. */
export const RETRY_STATUS = [408, 429, 500, 502, 503, 504]
/** A `Retry-After` longer than this gives up instead: the visitor should not wait on a spinner that long. */
export const MAX_RETRY_AFTER = 20_000
/** First reconnect delay of the event stream until the server sends `retry:`. */
export const STREAM_RETRY = 1_000
/** Upper bound of the stream's reconnect delay. */
export const STREAM_MAX_RETRY = 30_000
/** The server pings every 15 s; this long without a byte means the connection died silently. */
export const STREAM_IDLE = 45_000
/** Stream answers that will not change by retrying: the session or conversation is not (or no longer) ours. */
export const STREAM_FATAL_STATUS = [401, 403, 404]
