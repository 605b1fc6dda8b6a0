import type { EventLog, LoggedEvent } from './event-hub'

const PING_MS = 15_000
const encoder = new TextEncoder()
const ping = encoder.encode(': ping\n\n')

/** Each logged event is serialised once, however many streams carry it (500 streams, one stringify). */
const frames = new WeakMap<LoggedEvent<unknown>, Uint8Array>()
function frameOf(entry: LoggedEvent<{ type: string }>): Uint8Array {
  let frame = frames.get(entry)
  if (!frame) frames.set(entry, (frame = encoder.encode(`id: ${entry.id}\nevent: ${entry.event.type}\ndata: ${JSON.stringify(entry.event)}\n\n`)))
  return frame
}

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
  /** The stream ends when this signal aborts: the request's own, or one that also ends it early (a cap). */
  request: Pick<Request, 'signal'>,
  log: EventLog<E>,
  lastEventId: number | null,
  /** Sent (without an id) when the events after `lastEventId` are no longer all there to replay. */
  incomplete?: { type: string; [field: string]: unknown },
  /** Which events this stream carries, replayed and live (an operator's: its brands' conversations). */
  include: (event: E) => boolean = () => true,
): Response {
  let stop = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (bytes: Uint8Array) => {
        try {
          controller.enqueue(bytes)
        } catch {
          stop()
        }
      }
      const frame = (entry: LoggedEvent<E>) => {
        if (include(entry.event)) write(frameOf(entry))
      }
      write(encoder.encode('retry: 2000\n\n'))
      if (lastEventId !== null) {
        const missed = log.since(lastEventId)
        if (missed) missed.forEach(frame)
        else if (incomplete) write(encoder.encode(`event: ${incomplete.type}\ndata: ${JSON.stringify(incomplete)}\n\n`))
      }
      const unlisten = log.listen(frame)
      const pinger = setInterval(() => write(ping), PING_MS)
      const onAbort = () => {
        stop()
        try {
          controller.close()
        } catch {
          // already closed by the reader
        }
      }
      let unlistenEnd = () => {}
      stop = () => {
        unlisten()
        unlistenEnd()
        clearInterval(pinger)
        request.signal.removeEventListener('abort', onAbort)
      }
      request.signal.addEventListener('abort', onAbort)
      unlistenEnd = log.onEnd(onAbort)
      if (request.signal.aborted) onAbort()
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
