import { createSseParser, type SseMessage } from './sse-parser'
import type { ConversationEvent, ReplayIncompleteEvent } from '../protocol/types'
import { backoff, retryAfterMs } from './backoff'
import { STREAM_FATAL_STATUS, STREAM_IDLE, STREAM_MAX_RETRY, STREAM_RETRY } from './defaults'
import { ApiError } from './errors/api-error'
import { readJson } from './request'
import type { StreamStatus, SubscribeOptions, Subscription } from './types'

export interface EventStreamTarget {
  url: string
  fetch: typeof fetch
  /** Read at every (re)connect, so a renewed session token is picked up. */
  token: () => string | null
}

/**
 * SSE over fetch streaming. `EventSource` cannot send `Authorization`, so this reimplements its
 * reconnect rules: `Last-Event-ID` of the last event seen, the server's `retry:`, plus exponential
 * backoff with jitter and a watchdog for connections that die without closing.
 */
export function openEventStream(target: EventStreamTarget, options: SubscribeOptions): Subscription {
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
      const event = parseEvent(message)
      if (event) deliver(() => options.onEvent(event, message.id ?? lastEventId ?? ''))
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
    const token = target.token()
    if (token) headers.authorization = `Bearer ${token}`
    if (lastEventId !== null) headers['last-event-id'] = lastEventId

    let response: Response
    watch(attempt)
    try {
      response = await target.fetch(target.url, { headers, signal: attempt.signal, cache: 'no-store' })
    } catch {
      clearTimeout(timer)
      return reconnectLater()
    }
    clearTimeout(timer)
    if (closed) return void response.body?.cancel().catch(() => {})
    if (!response.ok || !response.body) {
      const retryAfter = retryAfterMs(response.headers.get('retry-after'))
      if (STREAM_FATAL_STATUS.includes(response.status)) {
        const error = new ApiError({ status: response.status, body: await readJson(response), method: 'GET', url: target.url })
        return stop(error)
      }
      void response.body?.cancel().catch(() => {})
      return reconnectLater(retryAfter)
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
    if (!closed) reconnectLater()
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

function parseEvent(message: SseMessage): ConversationEvent | ReplayIncompleteEvent | null {
  try {
    const event = JSON.parse(message.data) as ConversationEvent | ReplayIncompleteEvent | null
    return event && typeof event === 'object' && typeof event.type === 'string' ? event : null
  } catch {
    return null
  }
}
