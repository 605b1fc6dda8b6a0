import { afterEach, expect } from 'vitest'
import { createClient } from '../../../src/client/index'
import type { ClientOptions, PaychatClient } from '../../../src/client/types'
import type { ConversationSummary, Message, MessagePage, PaymentPage, PaymentRequest } from '../../../src/protocol/types'
import { createServerState } from '../../../src/server/index'
import { createChatStore } from '../../../src/store/index'
import type { ChatMessage, ChatStore, PaychatEventMap, PaychatEventName } from '../../../src/store/types'
import { memoryStorage } from '../store/fake-client'
import { startFaultProxy, type FaultProxy } from './fault-proxy'

export const OPERATOR_TOKEN = 'op_demo'
/** Long enough for a busy two-core machine, short enough that a held answer costs under a second. */
export const WAIT = { timeout: 8_000, interval: 20 }

export interface FaultStack {
  proxy: FaultProxy
  client: PaychatClient
  store: ChatStore
  storage: ReturnType<typeof memoryStorage>
  /** Host-page events the store emitted, in order. */
  emitted: Array<{ name: PaychatEventName; payload: PaychatEventMap[PaychatEventName] }>
  operator: ReturnType<typeof operatorAt>
  /** Starts the store and waits until its stream is open. */
  ready(): Promise<string>
}

const open: FaultStack[] = []
afterEach(async () => {
  for (const stack of open.splice(0)) {
    stack.store.getState().stop()
    await stack.proxy.close()
  }
})

/**
 * The real client and store against the real reference server, through the fault proxy. Short client
 * timeout and one ky retry; rate limits off (a test hammers one session); a server clock that never
 * gives two events the same millisecond, so `createdAt` order is the server's order.
 */
export async function faultStack(clientOptions: Partial<ClientOptions> = {}): Promise<FaultStack> {
  let last = 0
  const now = () => (last = Math.max(Date.now(), last + 1))
  const proxy = await startFaultProxy({
    state: () => createServerState({ rateLimits: false, now, whatsapp: { statusDelaysMs: false } }),
  })
  const client = createClient({ apiBase: proxy.origin, widgetKey: 'wk_demo', timeout: 2_000, retries: 1, ...clientOptions })
  const storage = memoryStorage()
  const emitted: FaultStack['emitted'] = []
  const store = createChatStore({
    client,
    storage,
    tabs: null,
    network: null,
    emit: (name, payload) => void emitted.push({ name, payload }),
  })
  const stack: FaultStack = {
    proxy,
    client,
    store,
    storage,
    emitted,
    operator: operatorAt(() => proxy.upstreamOrigin),
    async ready() {
      await store.getState().start()
      await expect.poll(() => store.getState().connection, WAIT).toBe('open')
      expect(store.getState().phase).toBe('ready')
      return store.getState().conversation!.id
    },
  }
  open.push(stack)
  return stack
}

/** The operator's side, straight to the server (the proxy's faults are the widget's, not the console's). */
export function operatorAt(origin: () => string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${origin()}/v1/operator${path}`, {
      method,
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  return {
    call,
    reply: (conversationId: string, text: string) => call<Message>('POST', `/conversations/${conversationId}/messages`, { text }),
    /** The conversation as the server keeps it. */
    messages: async (conversationId: string) => (await call<MessagePage>('GET', `/conversations/${conversationId}/messages?limit=100`)).messages,
    conversations: async () => (await call<{ conversations: ConversationSummary[] }>('GET', '/conversations')).conversations,
    async shareCard(conversationId: string, brandId: string): Promise<PaymentRequest> {
      const { paymentPages } = await call<{ paymentPages: PaymentPage[] }>('GET', `/payment-pages?brandId=${brandId}`)
      return call<PaymentRequest>('POST', `/conversations/${conversationId}/payment-requests`, { paymentPageId: paymentPages[0]!.id })
    },
  }
}

export const texts = (messages: ReadonlyArray<Pick<Message, 'text'>>) => messages.map((m) => m.text)

/** The store's messages as `text:sendStatus`, for one readable comparison. */
export const shown = (store: ChatStore) => store.getState().messages.map((m: ChatMessage) => `${m.text}:${m.sendStatus}`)

/** No two entries share an id or a clientId. */
export function expectNoDuplicates(messages: readonly Message[]) {
  const ids = messages.map((m) => m.id)
  expect(new Set(ids).size, `duplicate ids in ${ids.join(', ')}`).toBe(ids.length)
  const clientIds = messages.flatMap((m) => (m.clientId ? [m.clientId] : []))
  expect(new Set(clientIds).size, `duplicate clientIds in ${clientIds.join(', ')}`).toBe(clientIds.length)
}

/** Oldest first by `createdAt`, as the store promises. */
export function expectCreatedAtOrder(messages: readonly Message[]) {
  const times = messages.map((m) => m.createdAt)
  expect(times).toEqual([...times].sort())
}

/** Visitor message POSTs the proxy saw, with the clientId each carried and the status the client got. */
export function sends(proxy: FaultProxy) {
  return proxy.requests
    .filter((r) => r.method === 'POST' && /\/v1\/conversations\/[^/]+\/messages$/.test(r.path))
    .map((r) => ({ ...(JSON.parse(r.body) as { clientId: string; text: string }), status: r.status }))
}
