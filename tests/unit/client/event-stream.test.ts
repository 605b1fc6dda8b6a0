import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createClient, type PaychatClient, type StreamStatus, type Subscription } from '../../../src/client/index'
import type { ConversationEvent } from '../../../src/protocol/types'
import { errorBody, json, scriptServer, type ScriptServer, type Seen } from './script-server'

let server: ScriptServer | undefined
let subscription: Subscription | undefined
let subscriptionClient: PaychatClient | undefined
afterEach(async () => {
  subscription?.close()
  await server?.close()
})

const event = (text: string): ConversationEvent =>
  ({ type: 'message.created', conversationId: 'conv_1', message: { id: `msg_${text}`, text } }) as ConversationEvent
const frame = (id: number, text: string) => `id: ${id}\nevent: message.created\ndata: ${JSON.stringify(event(text))}\n\n`
const openStream = (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })

/** Subscribes as a visitor holding `st_1` and records what arrives. */
function listen(url: string, lastEventId: string | null = null) {
  const client = createClient({ apiBase: url, widgetKey: 'wk_demo' })
  client.setSessionToken('st_1')
  subscriptionClient = client
  const events: Array<[string, string]> = []
  const statuses: StreamStatus[] = []
  const errors: Error[] = []
  subscription = client.subscribe('conv_1', {
    lastEventId,
    onEvent: (e, id) => events.push([id, e.type === 'message.created' ? e.message.text : e.type]),
    onStatus: (s) => statuses.push(s),
    onError: (e) => errors.push(e),
  })
  return { events, statuses, errors, subscription }
}

describe('event stream', () => {
  test('sends the bearer token, Accept and the starting Last-Event-ID, and delivers parsed events with ids', async () => {
    server = await scriptServer((res) => {
      openStream(res)
      res.write('retry: 2000\n\n: ping\n\n')
      res.write(frame(8, 'a'))
      // One event split across chunks and lines.
      const split = frame(9, 'b')
      res.write(split.slice(0, 7))
      setTimeout(() => res.write(split.slice(7)), 20)
    })
    const { events, statuses } = listen(server.url, '7')

    await vi.waitFor(() => expect(events).toEqual([['8', 'a'], ['9', 'b']]))
    const [request] = server.seen as [Seen]
    expect(request.url).toBe('/v1/conversations/conv_1/events')
    expect(request.headers.authorization).toBe('Bearer st_1')
    expect(request.headers.accept).toBe('text/event-stream')
    expect(request.headers['last-event-id']).toBe('7')
    expect(statuses).toEqual(['connecting', 'open'])
  })

  test('without a starting id no Last-Event-ID is sent', async () => {
    server = await scriptServer((res) => openStream(res).write(': hello\n\n'))
    const { statuses } = listen(server.url)
    await vi.waitFor(() => expect(statuses).toContain('open'))
    expect(server.seen[0]?.headers['last-event-id']).toBeUndefined()
  })

  test('after a drop it reconnects after the server retry delay and resumes from the last id it saw', async () => {
    server = await scriptServer((res, _request, index) => {
      openStream(res)
      if (index === 0) {
        res.write('retry: 30\n\n')
        res.end(frame(1, 'one') + frame(2, 'two'))
      } else {
        res.write(frame(3, 'three'))
      }
    })
    const { events, statuses } = listen(server.url)

    await vi.waitFor(() => expect(events.map(([id]) => id)).toEqual(['1', '2', '3']))
    const [first, second] = server.seen as [Seen, Seen]
    expect(first.headers['last-event-id']).toBeUndefined()
    expect(second.headers['last-event-id']).toBe('2')
    // retry: 30 means well under the 1 s default, even with backoff jitter.
    expect(second.at - first.at).toBeLessThan(500)
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open'])
  })

  test('reconnects through the client: the token renewed meanwhile and the last id seen are sent', async () => {
    server = await scriptServer((res, _request, index) => {
      openStream(res)
      if (index > 0) return res.write(frame(5, 'five'))
      subscriptionClient?.setSessionToken('st_2')
      res.end('retry: 20\n\n' + frame(4, 'four'))
    })
    const { events } = listen(server.url)

    await vi.waitFor(() => expect(events.map(([id]) => id)).toEqual(['4', '5']))
    const [first, second] = server.seen as [Seen, Seen]
    expect(first.headers.authorization).toBe('Bearer st_1')
    expect(second.headers).toMatchObject({ authorization: 'Bearer st_2', 'last-event-id': '4' })
  })

  test('the client\'s request timeout is not the stream\'s: a stream slower to open than it opens, and nothing reconnects', async () => {
    server = await scriptServer((res) => {
      setTimeout(() => openStream(res).write(frame(1, 'early')), 300)
      setTimeout(() => res.write(frame(2, 'late')), 400)
    })
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo', timeout: 100 })
    const events: string[] = []
    subscription = client.subscribe('conv_1', { onEvent: (_e, id) => events.push(id) })
    await vi.waitFor(() => expect(events).toEqual(['1', '2']))
    expect(server.seen).toHaveLength(1)
  })

  test('a 503 with Retry-After waits that long before reconnecting', async () => {
    server = await scriptServer((res, _request, index) => {
      if (index === 0) return json(res, 503, errorBody('unavailable', 'Down.'), { 'retry-after': '1' })
      openStream(res).write(frame(1, 'back'))
    })
    const { events } = listen(server.url)
    await vi.waitFor(() => expect(events).toEqual([['1', 'back']]), { timeout: 3_000 })
    const [first, second] = server.seen as [Seen, Seen]
    expect(second.at - first.at).toBeGreaterThanOrEqual(950)
  })

  test('drops, refused requests and server errors are retried with doubling delays', async () => {
    server = await scriptServer((res, _request, index) => {
      if (index === 0) return openStream(res).end('retry: 20\n\n')
      if (index === 1) return res.socket?.destroy()
      if (index < 4) return json(res, 503, errorBody('unavailable', 'Down.'))
      openStream(res).write(frame(1, 'back'))
    })
    const { events, statuses } = listen(server.url)
    await vi.waitFor(() => expect(events).toEqual([['1', 'back']]))

    const at = server.seen.map((r) => r.at)
    const gaps = at.slice(1).map((t, i) => t - at[i]!)
    // retry: 20 doubled per failure, each jittered to between half and all of it.
    gaps.forEach((gap, n) => expect(gap).toBeGreaterThanOrEqual(10 * 2 ** n - 2))
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open'])
  })

  test('close() aborts the open stream and never reconnects', async () => {
    let aborted = false
    server = await scriptServer((res) => {
      openStream(res).write('retry: 10\n\n' + frame(1, 'a'))
      res.on('close', () => (aborted = true))
    })
    const { events, statuses } = listen(server.url)
    await vi.waitFor(() => expect(events).toHaveLength(1))

    subscription?.close()
    await vi.waitFor(() => expect(aborted).toBe(true))
    await new Promise((r) => setTimeout(r, 150))
    expect(server.seen).toHaveLength(1)
    expect(statuses.at(-1)).toBe('closed')
  })

  test('close() while waiting to reconnect cancels the reconnect', async () => {
    server = await scriptServer((res) => openStream(res).end('retry: 100\n\n'))
    const { statuses } = listen(server.url)
    await vi.waitFor(() => expect(statuses).toContain('reconnecting'))
    subscription?.close()
    await new Promise((r) => setTimeout(r, 300))
    expect(server.seen).toHaveLength(1)
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'closed'])
  })

  test.each([401, 403, 404])('a %i answer closes the stream for good and reports an ApiError', async (status) => {
    server = await scriptServer((res) => json(res, status, errorBody('unauthorized', 'Sign in again.')))
    const { statuses, errors } = listen(server.url)
    await vi.waitFor(() => expect(statuses).toEqual(['connecting', 'closed']))
    expect(errors[0]).toMatchObject({ name: 'ApiError', status, code: 'unauthorized', method: 'GET' })
    // A reconnect would come after 0.5-1 s (default base 1 s, jittered).
    await new Promise((r) => setTimeout(r, 600))
    expect(server.seen).toHaveLength(1)
  })

  test('data that is not a JSON event is skipped, and the stream goes on', async () => {
    server = await scriptServer((res) =>
      openStream(res).write('id: 1\ndata: not json\n\nid: 2\ndata: 42\n\n' + frame(3, 'fine')),
    )
    const { events } = listen(server.url)
    await vi.waitFor(() => expect(events).toEqual([['3', 'fine']]))
  })

  test('a listener that throws does not break the stream', async () => {
    const thrown: unknown[] = []
    const onUncaught = (e: unknown) => thrown.push(e)
    process.on('uncaughtException', onUncaught)
    try {
      server = await scriptServer((res) => openStream(res).write(frame(1, 'a') + frame(2, 'b')))
      const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo' })
      const seen: string[] = []
      subscription = client.subscribe('conv_1', {
        onEvent: (_e, id) => {
          seen.push(id)
          if (id === '1') throw new Error('listener bug')
        },
      })
      await vi.waitFor(() => expect(seen).toEqual(['1', '2']))
      expect(server.seen).toHaveLength(1)
      await vi.waitFor(() => expect(thrown).toEqual([expect.objectContaining({ message: 'listener bug' })]))
    } finally {
      process.off('uncaughtException', onUncaught)
    }
  })
})
