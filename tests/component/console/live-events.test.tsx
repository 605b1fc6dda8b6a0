import { screen, waitFor } from '@testing-library/preact'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { API, renderConsole, useConsoleServer } from './console-server'

const { server } = useConsoleServer()

const stream = (text: string, end: boolean) =>
  new HttpResponse(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text))
        if (end) controller.close()
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  )

test('after the live stream drops, the console reconnects with the last event id and is live again', async () => {
  const lastEventIds: Array<string | null> = []
  server.use(
    http.get(`${API}/v1/operator/events`, ({ request }) => {
      lastEventIds.push(request.headers.get('last-event-id'))
      if (lastEventIds.length === 1) return stream('retry: 10\n\nid: 5\nevent: ping\ndata: {}\n\n', true)
      return stream(': resumed\n\n', false)
    }),
  )
  renderConsole()
  await waitFor(() => expect(lastEventIds).toEqual([null, '5']))
  await screen.findByText('Live')
})

test('a stream refused for good stops live updates, with the console\'s own sentence when the server gave none', async () => {
  let requests = 0
  server.use(
    http.get(`${API}/v1/operator/events`, () => {
      requests++
      return new HttpResponse(null, { status: 403 })
    }),
  )
  renderConsole()
  await screen.findByText('Not connected')
  await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Live updates were refused (403).'))
  await new Promise((resolve) => setTimeout(resolve, 1_200))
  expect(requests).toBe(1)
})
