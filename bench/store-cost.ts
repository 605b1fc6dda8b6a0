/**
 * What one new message costs the store as the conversation grows: the real store, fed `message.created`
 * events through a stand-in client, with `trimOlder` after each as the widget calls it at the bottom,
 * and without it (a visitor who scrolled all the way up keeps everything loaded).
 */
import type { PaychatClient, SubscribeOptions } from '../src/client/types'
import type { Message } from '../src/protocol/types'
import { createChatStore } from '../src/store/index'
import { median, round } from './stats'

export interface StoreCostReport {
  /** Messages loaded before the timed events → µs per event, median of runs. */
  trimmed: Record<number, number>
  untrimmed: Record<number, number>
  events: number
}

const SIZES = [100, 1_000, 5_000, 20_000]
const EVENTS = 2_000
const RUNS = 5

const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString()
const message = (n: number): Message => ({
  id: `msg_${n}`,
  conversationId: 'conv_1',
  clientId: null,
  type: 'text',
  author: { role: 'operator', name: 'Ana' },
  text: `Message ${n}`,
  paymentRequest: null,
  createdAt: at(n),
})

async function run(loaded: number, trim: boolean): Promise<number> {
  let push: SubscribeOptions['onEvent'] = () => {}
  const history = Array.from({ length: loaded }, (_, i) => message(i + 1))
  const client = {
    apiBase: 'http://bench.invalid',
    widgetKey: 'wk_bench',
    sessionToken: null,
    setSessionToken() {},
    startSession: async () => ({
      session: { token: 'st', visitorId: 'vis', resumed: false },
      brand: { id: 'b', name: 'Bench', currency: 'USD', color: '#000000', greeting: '', checkoutOrigins: [], linkOrigins: [], whatsapp: false },
      conversation: { id: 'conv_1', brandId: 'b', visitorId: 'vis', createdAt: at(0), updatedAt: at(0) },
    }),
    listMessages: async () => ({ messages: history, hasMore: false, lastEventId: String(loaded) }),
    subscribe: (_id: string, options: SubscribeOptions) => {
      push = options.onEvent
      return { close() {} }
    },
  } as unknown as PaychatClient
  const store = createChatStore({ client, storage: null, locale: 'en', tabs: null, network: null })
  await store.getState().start()
  const started = performance.now()
  for (let n = 1; n <= EVENTS; n++) {
    push({ type: 'message.created', conversationId: 'conv_1', message: message(loaded + n) }, String(loaded + n))
    if (trim) store.getState().trimOlder()
  }
  const perEvent = ((performance.now() - started) * 1000) / EVENTS
  store.getState().stop()
  return perEvent
}

export async function measureStoreCost(): Promise<StoreCostReport> {
  const report: StoreCostReport = { trimmed: {}, untrimmed: {}, events: EVENTS }
  for (const size of SIZES) {
    for (const trim of [true, false]) {
      const runs: number[] = []
      for (let r = 0; r < RUNS; r++) runs.push(await run(size, trim))
      ;(trim ? report.trimmed : report.untrimmed)[size] = round(median(runs), 1)
    }
  }
  return report
}
