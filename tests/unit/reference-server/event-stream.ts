import type { OperatorEvent } from '../../../src/protocol/types'

/** One SSE event as it came over the wire, its `data` parsed. */
export interface StreamEvent {
  id: string | null
  event: string
  data: OperatorEvent
}

export interface EventStream {
  response: Response
  /** Waits for the next `count` events (fewer when `ms` passes or the stream ends first). */
  next(count?: number, ms?: number): Promise<StreamEvent[]>
  /** Everything received so far, comments and `retry:` included. */
  raw(): string
  /** Reads until `text` was received (or `ms` passed); answers everything received. */
  rawUntil(text: string, ms?: number): Promise<string>
  /** True once the server ended the body. */
  ended(): boolean
  /** Aborts the request, as the widget's client does. */
  close(): void
}

const open = new Set<EventStream>()

/** Aborts every stream a test left open. */
export function closeAllStreams(): void {
  for (const stream of open) stream.close()
}

/**
 * Opens an event stream with fetch and reads it with `getReader()`. Closing aborts the request:
 * cancelling the body instead hangs inside msw's interceptor.
 */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const controller = new AbortController()
  const response = await fetch(url, { headers, signal: controller.signal })
  const reader = response.body?.getReader()
  const decoder = new TextDecoder()
  const queue: StreamEvent[] = []
  let raw = ''
  let buffer = ''
  let done = !reader
  // A read still in flight when a wait timed out: the next wait takes it over, so no chunk is lost.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null

  const parse = () => {
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const fields = new Map<string, string>()
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) continue
        const colon = line.indexOf(':')
        fields.set(line.slice(0, colon), line.slice(colon + 1).replace(/^ /, ''))
      }
      const data = fields.get('data')
      if (data !== undefined) queue.push({ id: fields.get('id') ?? null, event: fields.get('event') ?? 'message', data: JSON.parse(data) as OperatorEvent })
    }
  }

  /** Reads chunks until `enough()` or `ms` passed or the stream ended. */
  async function readUntil(enough: () => boolean, ms: number) {
    const deadline = Date.now() + ms
    while (!enough() && !done && reader) {
      if (!pending) {
        pending = reader.read()
        pending.catch(() => {}) // an abort rejects it; the wait below sees that
      }
      let timer: ReturnType<typeof setTimeout> | undefined
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()), 'timeout')))
      const result = await Promise.race([pending, timeout]).catch(() => ({ done: true, value: undefined }) as const)
      clearTimeout(timer)
      if (result === 'timeout') return
      pending = null
      if (result.done) {
        done = true
        return
      }
      const text = decoder.decode(result.value, { stream: true })
      raw += text
      buffer += text
      parse()
    }
  }

  const stream: EventStream = {
    response,
    async next(count = 1, ms = 1000) {
      await readUntil(() => queue.length >= count, ms)
      return queue.splice(0, count)
    },
    async rawUntil(text, ms = 1000) {
      await readUntil(() => raw.includes(text), ms)
      return raw
    },
    raw: () => raw,
    ended: () => done,
    close() {
      open.delete(stream)
      controller.abort()
    },
  }
  open.add(stream)
  return stream
}
