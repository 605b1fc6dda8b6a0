import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { ApiError, createClient } from '../../../src/client/index'
import { createHandlers, createServerState } from '../../../src/server/index'
import { hmacSha256Hex } from '../../../src/server/whatsapp/signature'
import { createChatStore } from '../../../src/store/index'
import { fakeClient, memoryStorage } from './fake-client'

const apiBase = 'http://paychat.test'
const server = setupServer()
let state: ReturnType<typeof createServerState>
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  state = createServerState()
  server.use(...createHandlers({ state }))
})
afterEach(() => {
  server.resetHandlers()
  vi.restoreAllMocks()
})
afterAll(() => server.close())

describe('identify', () => {
  test('starts the session if need be, calls POST /v1/identify, and keeps the verified visitor', async () => {
    const client = createClient({ apiBase, widgetKey: 'wk_demo' })
    const identify = vi.spyOn(client, 'identify')
    const store = createChatStore({ client, storage: memoryStorage(), tabs: null, network: null })
    const userHash = await hmacSha256Hex('idv_demo_acme', 'ana@example.com')
    await store.getState().identify({ name: 'Ana', email: 'ana@example.com', userHash })
    expect(identify).toHaveBeenCalledWith({ name: 'Ana', email: 'ana@example.com', userHash })
    expect(store.getState()).toMatchObject({ phase: 'ready', visitor: { name: 'Ana', email: 'ana@example.com', verified: true } })
    // The name shows on what the visitor sends from now on.
    store.getState().send('Hello')
    await vi.waitFor(() => expect(store.getState().messages.at(-1)).toMatchObject({ sendStatus: 'sent', author: { name: 'Ana' } }))
    expect([...state.visitors.values()][0]).toMatchObject({ name: 'Ana', email: 'ana@example.com', verified: true })
    store.getState().stop()
  })

  test("a wrong hash is logged with the server's sentence, never thrown, and changes nothing", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const client = createClient({ apiBase, widgetKey: 'wk_demo' })
    const store = createChatStore({ client, storage: memoryStorage(), tabs: null, network: null })
    await expect(store.getState().identify({ email: 'ana@example.com', userHash: 'nope' })).resolves.toBeUndefined()
    expect(error).toHaveBeenCalledTimes(1)
    const logged = error.mock.calls[0]![0] as ApiError
    expect(logged).toBeInstanceOf(ApiError)
    expect(logged).toMatchObject({ status: 401, code: 'identity_invalid' })
    expect(logged.message).toContain('The user hash does not match this email')
    expect(store.getState().visitor).toBeNull()
    expect([...state.visitors.values()][0]).toMatchObject({ name: null, email: null, verified: false })
    store.getState().stop()
  })

  test('once ready, identify does not start the session again', async () => {
    const { client, fake } = fakeClient()
    const store = createChatStore({ client, tabs: null, network: null })
    await store.getState().start()
    await store.getState().identify({ email: 'ana@example.com', userHash: 'h' })
    expect(fake.calls.filter(([name]) => name === 'startSession')).toHaveLength(1)
    expect(fake.calls.at(-1)).toEqual(['identify', { email: 'ana@example.com', userHash: 'h' }])
    expect(store.getState().visitor).toEqual({ name: null, email: 'ana@example.com', verified: true })
  })
})
