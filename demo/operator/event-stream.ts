import { createParser } from 'eventsource-parser'
import { t } from './i18n'

export interface EventStreamOptions {
  url: string
  /** Sent on every (re)connection; this is why the stream is read with fetch and not EventSource. */
  headers: Record<string, string>
  onEvent(type: string, data: string): void
  /** Each time the stream is established; `resumed` when it continued from a Last-Event-ID. */
  onOpen?(resumed: boolean): void
  /** A refused or broken connection. `final` when retrying cannot help (bad token). */
  onError?(message: string, final: boolean): void
}

const MAX_BACKOFF_MS = 30_000

/**
 * Reads an SSE stream over fetch and keeps it open: after a drop it reconnects with the last seen
 * `Last-Event-ID`, so the server replays what was missed. Returns a function that stops it.
 */
export function openEventStream(options: EventStreamOptions): () => void {
  const abort = new AbortController()
  let lastEventId: string | undefined
  // The server's `retry:` sets the base delay; failures in a row double it up to a ceiling.
  let retryMs = 2000
  let failures = 0

  const parser = createParser({
    onEvent(event) {
      if (event.id !== undefined) lastEventId = event.id
      options.onEvent(event.event ?? 'message', event.data)
    },
    onRetry(ms) {
      retryMs = ms
    },
  })

  async function readOnce(): Promise<'again' | 'stop'> {
    const headers: Record<string, string> = { ...options.headers, accept: 'text/event-stream' }
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId
    const response = await fetch(options.url, { headers, signal: abort.signal, cache: 'no-store' })
    if (!response.ok || !response.body) {
      const message = await errorSentence(response)
      const final = response.status === 401 || response.status === 403
      options.onError?.(message, final)
      return final ? 'stop' : 'again'
    }
    failures = 0
    options.onOpen?.(lastEventId !== undefined)
    parser.reset()
    const reader = response.body.getReader()
    const decoder = new TextDecoder()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return 'again'
      parser.feed(decoder.decode(value, { stream: true }))
    }
  }

  void (async () => {
    while (!abort.signal.aborted) {
      try {
        if ((await readOnce()) === 'stop') return
      } catch {
        if (abort.signal.aborted) return
        options.onError?.(t('liveInterrupted'), false)
      }
      failures++
      await sleep(Math.min(retryMs * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS), abort.signal)
    }
  })()

  return () => abort.abort()
}

async function errorSentence(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
  return body?.error?.message ?? t('liveRefused', { status: String(response.status) })
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })
}
