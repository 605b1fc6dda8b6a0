/** First reconnect delay of the event stream until the server sends `retry:`. */
export const STREAM_RETRY = 1_000
/** Upper bound of the stream's reconnect delay. */
export const STREAM_MAX_RETRY = 30_000
/** The server pings every 15 s; this long without a byte means the connection died silently. */
export const STREAM_IDLE = 45_000
/** Stream answers that will not change by retrying: the session or conversation is not (or no longer) ours. */
export const STREAM_FATAL_STATUS = [401, 403, 404]
