import { isHTTPError, type KyInstance } from 'ky'
import { retryAfterMs } from '../http/retry-policy'
import { backoff } from './backoff'
import { STREAM_FATAL_STATUS, STREAM_IDLE, STREAM_MAX_RETRY, STREAM_RETRY } from './defaults'
import { apiErrorOf } from './errors/from-ky'
import { createSseParser, type SseMessage } from './sse-parser'
import type { StreamStatus, Subscription } from './types'

export interface EventStreamOptions {
  /** Resume after this event id (sent as `Last-Event-ID`). */
  lastEventId?: string | null
  /** Each event, with the id a resume would start after: its own, or the last one seen. */
  onMessage: (message: SseMessage, id: string) => void
  onStatus?: (status: StreamStatus) => void
  /** Why the stream gave up for good (an `ApiError` for 401, 403 or 404), right after status `closed`. */
  onError?: (error: Error) => void
}

/**
 * SSE read through a client's ky instance (so with its bearer token, read afresh at every connect),
 * without ky's timeout and retries: a stream stays open for hours, and reconnecting is the stream's
 * own rule, EventSource's, reimplemented since EventSource cannot send `Authorization`: `Last-Event-ID`
 * of the last event seen, the server's `retry:`, plus exponential backoff with jitter and a watchdog
 * for connections that die without closing.
 */
export function openEventStream(http: KyInstance, path: string, options: EventStreamOptions): Subscription {
  let lastEventId = options.lastEventId ?? null
  let retryBase = STREAM_RETRY
  let failures = 0
  let closed = false
  let status: StreamStatus | null = null
  let controller: AbortController | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const report = (next: StreamStatus) => {
    if (next === status) return
    status = next
    options.onStatus?.(next)
  }

  const parser = createSseParser(
    (message) => {
      if (message.id !== undefined) lastEventId = message.id
      deliver(() => options.onMessage(message, lastEventId ?? ''))
    },
    (ms) => {
      retryBase = ms
    },
  )

  async function connect(): Promise<void> {
    report(failures === 0 && status === null ? 'connecting' : 'reconnecting')
    const attempt = new AbortController()
    controller = attempt
    const headers: Record<string, string> = { accept: 'text/event-stream' }
    if (lastEventId !== null) headers['last-event-id'] = lastEventId

    let response: Response
    watch(attempt)
    try {
      response = await http.get(path, { headers, signal: attempt.signal, timeout: false, retry: 0 })
    } catch (error) {
      clearTimeout(timer)
      if (!isHTTPError(error)) return reconnectLater()
      if (STREAM_FATAL_STATUS.includes(error.response.status)) return stop(await apiErrorOf(error))
      void error.response.body?.cancel().catch(() => {})
      return reconnectLater(retryAfterMs(error.response.headers.get('retry-after')))
    }
    clearTimeout(timer)
    if (closed || !response.body) {
      void response.body?.cancel().catch(() => {})
      return reconnectLater()
    }

    report('open')
    failures = 0
    parser.reset()
    const reader = response.body.getReader()
    const decoder = new TextDecoder()
    try {
      for (;;) {
        watch(attempt)
        const { done, value } = await reader.read()
        if (done) break
        parser.feed(decoder.decode(value, { stream: true }))
      }
    } catch {
      // A drop, the watchdog or close(): the same way out.
    }
    clearTimeout(timer)
    reconnectLater()
  }

  /** Aborts the attempt when the server stays silent past its ping interval (or never answers). */
  function watch(attempt: AbortController) {
    clearTimeout(timer)
    timer = setTimeout(() => attempt.abort(), STREAM_IDLE)
  }

  function reconnectLater(atLeast: number | null = null) {
    if (closed) return
    report('reconnecting')
    const wait = Math.max(atLeast ?? 0, backoff(failures++, retryBase, STREAM_MAX_RETRY))
    timer = setTimeout(() => void connect(), wait)
  }

  function stop(error?: Error) {
    if (closed) return
    closed = true
    clearTimeout(timer)
    controller?.abort()
    report('closed')
    if (error) options.onError?.(error)
  }

  function deliver(callback: () => void) {
    try {
      callback()
    } catch (error) {
      // A throwing listener is the caller's bug; it must not look like a dropped connection to us.
      queueMicrotask(() => {
        throw error
      })
    }
  }

  void connect()
  return { close: () => stop() }
}
