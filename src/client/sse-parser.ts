/** One event of a `text/event-stream`: the fields a client acts on. */
export interface SseMessage {
  /** The event's own `id`, if it had one (the caller keeps the last one seen). */
  id: string | undefined
  event: string | undefined
  data: string
}

export interface SseParser {
  /** Text as it arrives (already UTF-8 decoded): lines may be split anywhere, even between CR and LF. */
  feed(chunk: string): void
  /** Drops a half-read event, for a new connection. */
  reset(): void
}

/**
 * The HTML standard's event-stream format, read exactly as eventsource-parser reads it (a
 * differential property test holds the two together) in a fraction of its bytes: the widget downloads
 * this, and every byte counts against its budget (eventsource-parser in its place, measured with ky
 * in, made the widget chunk 0.94 kB gzip larger).
 */
export function createSseParser(onEvent: (message: SseMessage) => void, onRetry: (ms: number) => void): SseParser {
  let pending = ''
  let id: string | undefined
  let event: string | undefined
  let data: string | undefined
  // Its own, not shared: `lastIndex` is state, and an event handler may feed another parser.
  const lineEnd = /\r\n|\r|\n/g

  function line(text: string) {
    if (!text) {
      if (data !== undefined) onEvent({ id, event, data })
      id = event = data = undefined
      return
    }
    if (text[0] === ':') return
    const colon = text.indexOf(':')
    const field = colon < 0 ? text : text.slice(0, colon)
    const value = colon < 0 ? '' : text.slice(colon + (text[colon + 1] === ' ' ? 2 : 1))
    if (field === 'data') data = data === undefined ? value : `${data}\n${value}`
    else if (field === 'event') event = value || undefined
    else if (field === 'id' && !value.includes('\0')) id = value
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry(parseInt(value, 10))
  }

  return {
    feed(chunk) {
      pending += chunk
      let start = 0
      lineEnd.lastIndex = 0
      for (let end; (end = lineEnd.exec(pending)); start = lineEnd.lastIndex) {
        // A CR that ends the text so far may be the first half of a CRLF: wait for what follows.
        if (end[0] === '\r' && lineEnd.lastIndex === pending.length) break
        line(pending.slice(start, end.index))
      }
      pending = pending.slice(start)
    },
    reset() {
      pending = ''
      id = event = data = undefined
    },
  }
}
