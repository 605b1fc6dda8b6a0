import { afterEach, expect, test, vi } from 'vitest'
import { asOperator, call, operatorStream, startVisitor, trackListeners, useReferenceServer, visitorStream } from './harness'

useReferenceServer()
afterEach(() => vi.restoreAllMocks())

test('POST /v1/mock/reset ends every open stream, so clients reconnect to the fresh state', async () => {
  const listeners = trackListeners()
  const visitor = await startVisitor()
  const visitorEvents = await visitorStream(visitor.token, visitor.conversationId)
  const operatorEvents = await operatorStream()
  await visitorEvents.rawUntil('retry: 2000')
  expect(listeners.live()).toBe(2)

  expect((await asOperator('POST', '/v1/mock/reset')).status).toBe(204)

  await visitorEvents.next(1, 1000)
  await operatorEvents.next(1, 1000)
  expect(visitorEvents.ended()).toBe(true)
  expect(operatorEvents.ended()).toBe(true)
  await vi.waitFor(() => expect(listeners.live()).toBe(0))
})

test('a stream opened after the reset hears the new state from id 1', async () => {
  await startVisitor()
  await asOperator('POST', '/v1/mock/reset')
  const operatorEvents = await operatorStream()
  const visitor = await startVisitor()
  const [created] = await operatorEvents.next(1)
  expect(created).toMatchObject({ id: '1', event: 'conversation.created', data: { conversationId: visitor.conversationId } })
})
