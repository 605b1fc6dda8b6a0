import type { EventLog, LoggedEvent } from './event-hub'

const PING_MS = 15_000

/** `Last-Event-ID` header (what EventSource sends) or `lastEventId` query (what a fresh page can send). */
export function lastEventIdOf(request: Request): number | null {
  const raw = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId')
  if (raw === null || raw === '') return null
  const id = Number(raw)
  return Number.isSafeInteger(id) && id >= 0 ? id : null
}

/**
 * A text/event-stream of `log`: the entries after `lastEventId` first, then live ones. A plain
 * ReadableStream, because msw's `sse()` helper needs EventSource, which Node 20 lacks.
 */
export function eventStream<E extends { type: string }>(
  request: Request,
  log: EventLog<E>,
  lastEventId: number | null,
  /** Sent (without an id) when the events after `lastEventId` are no longer all there to replay. */
  incomplete?: { type: string; [field: string]: unknown },
): Response {
  const encoder = new TextEncoder()
  let stop = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          stop()
        }
      }
      const frame = ({ id, event }: LoggedEvent<E>) => write(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
      write('retry: 2000\n\n')
      if (lastEventId !== null) {
        const missed = log.since(lastEventId)
        if (missed) missed.forEach(frame)
        else if (incomplete) write(`event: ${incomplete.type}\ndata: ${JSON.stringify(incomplete)}\n\n`)
      }
      const unlisten = log.listen(frame)
      const ping = setInterval(() => write(': ping\n\n'), PING_MS)
      const onAbort = () => {
        stop()
        try {
          controller.close()
        } catch {
          // already closed by the reader
        }
      }
      stop = () => {
        unlisten()
        clearInterval(ping)
        request.signal.removeEventListener('abort', onAbort)
        log.ended.removeEventListener('abort', onAbort)
      }
      request.signal.addEventListener('abort', onAbort)
      log.ended.addEventListener('abort', onAbort)
      if (request.signal.aborted || log.ended.aborted) onAbort()
    },
    cancel() {
      stop()
    },
  })
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  })
}
