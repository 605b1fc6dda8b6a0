import { createParser } from 'eventsource-parser'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createSseParser, type SseMessage } from '../../../src/client/sse-parser'

interface Seen {
  events: SseMessage[]
  retries: number[]
}

function readWith(make: (seen: Seen) => { feed(chunk: string): void }, chunks: string[]): Seen {
  const seen: Seen = { events: [], retries: [] }
  const parser = make(seen)
  for (const chunk of chunks) parser.feed(chunk)
  return seen
}

const ours = (seen: Seen) => createSseParser((m) => seen.events.push(m), (ms) => seen.retries.push(ms))
const reference = (seen: Seen) =>
  createParser({
    onEvent: ({ id, event, data }) => seen.events.push({ id, event, data }),
    onRetry: (ms) => seen.retries.push(ms),
  })

// Field names and values drawn from what makes the format tricky: colons, leading spaces, NULs,
// empty values, unknown fields, comments, and every line ending.
const fieldName = fc.constantFrom('data', 'event', 'id', 'retry', 'dat', 'Data', '', 'x')
const value = fc.string({ unit: fc.constantFrom('a', ' ', ':', '\0', '7', 'é', '{', '"'), maxLength: 6 })
const lineEnd = fc.constantFrom('\n', '\r', '\r\n')
const line = fc.oneof(
  fc.tuple(fieldName, fc.constantFrom(':', ': ', ':  ', ''), value).map(([f, sep, v]) => f + sep + v),
  value.map((v) => `:${v}`),
  fc.constant(''),
  fc.nat(99_999).map((n) => `retry: ${n}`),
)
const stream = fc.array(fc.tuple(line, lineEnd).map(([l, end]) => l + end), { maxLength: 30 }).map((lines) => lines.join(''))

/** The stream cut at arbitrary places, CR and LF of one CRLF included. */
const chunked = stream.chain((text) =>
  fc.uniqueArray(fc.nat(text.length), { maxLength: 8 }).map((cuts) => {
    const at = [0, ...cuts.sort((a, b) => a - b), text.length]
    return at.slice(1).map((end, i) => text.slice(at[i], end))
  }),
)

describe('the widget’s event-stream parser', () => {
  test('reads any stream, cut anywhere, exactly as eventsource-parser does', () => {
    fc.assert(
      fc.property(chunked, (chunks) => {
        expect(readWith(ours, chunks)).toEqual(readWith(reference, chunks))
      }),
      { numRuns: 500 },
    )
  })

  test('a CR at the end of one chunk and LF at the start of the next end one line, not two', () => {
    expect(readWith(ours, ['data: a\r', '\ndata: b\r\n\r\n']).events).toEqual([{ id: undefined, event: undefined, data: 'a\nb' }])
  })

  test('reset drops a half-read event', () => {
    const seen: Seen = { events: [], retries: [] }
    const parser = ours(seen)
    parser.feed('id: 1\ndata: lost\n')
    parser.reset()
    parser.feed('data: kept\n\n')
    expect(seen.events).toEqual([{ id: undefined, event: undefined, data: 'kept' }])
  })
})
