import { waitFor, within } from '@testing-library/preact'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import type { ConversationSummary } from '../../../src/protocol/types'
import { createHandlers, createServerState } from '../../../src/server/index'
import { hmacSha256Hex } from '../../../src/server/whatsapp/signature'
import type { KeyValueStorage } from '../../../src/store/types'
import { createWidget, type PaychatWidget } from '../../../src/widget/create-widget'

const apiBase = 'http://paychat.test'
const server = setupServer()
let requests: string[] = []
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`)
  })
})
beforeEach(() => {
  requests = []
  server.use(...createHandlers({ state: createServerState() }))
})
const mounted: PaychatWidget[] = []
afterEach(() => {
  for (const widget of mounted.splice(0)) widget.destroy()
  server.resetHandlers()
  vi.restoreAllMocks()
  document.body.replaceChildren()
})
afterAll(() => server.close())

/** A storage that records every touch. */
function spyStorage() {
  const data = new Map<string, string>()
  const touches: string[] = []
  const storage: KeyValueStorage = {
    getItem: (key) => (touches.push(`get ${key}`), data.get(key) ?? null),
    setItem: (key, value) => void (touches.push(`set ${key}`), data.set(key, value)),
    removeItem: (key) => void (touches.push(`remove ${key}`), data.delete(key)),
  }
  return { storage, data, touches }
}

const ui = () => within(document.querySelector('paychat-widget')!.shadowRoot as unknown as HTMLElement)
const settle = () => new Promise((done) => setTimeout(done, 50))

describe("createWidget's consent: 'required'", () => {
  test('draws the launcher but makes no request and touches no storage until consent(true)', async () => {
    const { storage, data, touches } = spyStorage()
    const widget = createWidget({ widgetKey: 'wk_demo', apiBase, locale: 'en', storage, consent: 'required' })
    mounted.push(widget)
    const ready = vi.fn()
    widget.on('ready', ready)
    expect(ui().getByRole('button', { name: 'Open chat' })).toBeTruthy()
    widget.open()
    widget.consent(false)
    await settle()
    expect(requests).toEqual([])
    expect(touches.filter((t) => !t.startsWith('get'))).toEqual([])
    expect(data.size).toBe(0)

    widget.consent(true)
    await waitFor(() => expect(ready).toHaveBeenCalledTimes(1))
    expect(requests.filter((r) => r === 'POST /v1/sessions')).toHaveLength(1)
    expect(data.get('paychat:wk_demo:session')).toContain('st_')
    // A second consent starts nothing more.
    widget.consent(true)
    await settle()
    expect(requests.filter((r) => r === 'POST /v1/sessions')).toHaveLength(1)
  })

  test('reads nothing from storage before consent: a stored session is not even looked at', async () => {
    const { storage, touches } = spyStorage()
    mounted.push(createWidget({ widgetKey: 'wk_demo', apiBase, locale: 'en', storage, consent: 'required' }))
    await settle()
    // The gate answers the store's reads itself: the page's storage is not called.
    expect(touches).toEqual([])
  })
})

describe('widget.identify', () => {
  test('calls POST /v1/identify; the operator sees the name and the verified mark', async () => {
    const widget = createWidget({ widgetKey: 'wk_demo', apiBase, locale: 'en', storage: null })
    mounted.push(widget)
    const userHash = await hmacSha256Hex('idv_demo_acme', 'ana@example.com')
    await widget.identify({ name: 'Ana', email: 'ana@example.com', userHash })
    expect(requests).toContain('POST /v1/identify')
    const res = await fetch(`${apiBase}/v1/operator/conversations`, { headers: { authorization: 'Bearer op_demo' } })
    const body = (await res.json()) as ConversationSummary[] | { conversations: ConversationSummary[] }
    const list = Array.isArray(body) ? body : body.conversations
    expect(list[0]).toMatchObject({ visitorName: 'Ana', visitorVerified: true })
  })

  test("a wrong hash logs the server's sentence and throws nothing into the page", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const widget = createWidget({ widgetKey: 'wk_demo', apiBase, locale: 'en', storage: null })
    mounted.push(widget)
    await expect(widget.identify({ email: 'ana@example.com', userHash: 'nope' })).resolves.toBeUndefined()
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('identity_invalid') }))
  })
})
