import { spawn, type ChildProcess } from 'node:child_process'
import { Agent, request, type IncomingMessage } from 'node:http'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import { FANOUT_BURST, FANOUT_CONCURRENCY, FANOUT_PACED, OPERATOR_TOKEN, STREAMS, WIDGET_KEY } from './config'
import { median, percentile } from './stats'

export interface FanoutPhase {
  messages: number
  deliveries: number
  missing: number
  /** Per (message, stream): from the POST being sent to the event arriving on that stream. */
  p50: number
  p99: number
  max: number
  /** Messages accepted per second (POSTs answered). */
  acceptedPerSec: number
  /** Messages per second fanned out to every stream (last delivery). */
  fannedOutPerSec: number
  /** Deliveries per second across all streams. */
  deliveriesPerSec: number
  ackP50: number
}

export interface FanoutReport {
  streams: number
  connectMs: number
  paced: FanoutPhase
  burst: FanoutPhase
  serverRssMb: number
  serverRssIdleMb: number
}

const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY })

function call(base: string, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = request(`${base}${path}`, {
      method,
      agent,
      headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json' } : {}) },
    })
    req.on('response', (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }))
    })
    req.on('error', reject)
    req.end(payload)
  })
}

/** Starts the server process; resolves with its base URL and a way to ask its memory and stop it. */
async function startServer(root: string): Promise<{ base: string; rss(): Promise<number>; stop(): Promise<void>; child: ChildProcess }> {
  const tsx = join(root, 'node_modules/.bin/tsx')
  const child = spawn(tsx, [join(root, 'bench/fanout-server.ts')], { stdio: ['pipe', 'pipe', 'inherit'], cwd: root })
  const lines = createInterface({ input: child.stdout! })
  const waiting: ((value: Record<string, number>) => void)[] = []
  lines.on('line', (line) => waiting.shift()?.(JSON.parse(line) as Record<string, number>))
  const next = () => new Promise<Record<string, number>>((resolve) => waiting.push(resolve))
  const { port } = await Promise.race([
    next(),
    new Promise<never>((_, fail) => setTimeout(() => fail(new Error('the fan-out server did not start in 20 s')), 20_000)),
  ])
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    async rss() {
      const answer = next()
      child.stdin!.write('rss\n')
      return (await answer).rss!
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.stdin!.end()
        setTimeout(() => child.kill(), 3_000).unref()
      }),
  }
}

/** One SSE reader: calls `onText` with each message.created text and the time it arrived. */
function openStream(base: string, path: string, token: string, onText: (text: string, at: number) => void): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } })
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream -> ${res.statusCode}`))
      res.setEncoding('utf8')
      let buffer = ''
      res.on('data', (chunk: string) => {
        const at = performance.now()
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          // Only the marker is needed: `"text":"fan <n>"`.
          const match = /"text":"(fan \d+)"/.exec(frame)
          if (match && frame.includes('event: message.created')) onText(match[1]!, at)
        }
      })
      res.on('error', () => {})
      resolve(res)
    })
    req.on('error', reject)
    req.end()
  })
}

async function phase(
  base: string,
  conversationId: string,
  received: Map<string, number[]>,
  count: number,
  concurrency: number,
  offset: number,
  timeoutMs: number,
): Promise<FanoutPhase> {
  const sentAt = new Map<string, number>()
  const acks: number[] = []
  let next = 0
  let lastAck = 0
  const complete = () => [...sentAt.keys()].every((k) => (received.get(k)?.length ?? 0) >= STREAMS)
  const started = performance.now()
  const deadline = started + timeoutMs
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const text = `fan ${offset + next++}`
      received.set(text, [])
      const t0 = performance.now()
      sentAt.set(text, t0)
      const res = await call(base, 'POST', `/v1/operator/conversations/${conversationId}/messages`, OPERATOR_TOKEN, { text })
      if (res.status !== 201) throw new Error(`POST message -> ${res.status}`)
      lastAck = performance.now()
      acks.push(lastAck - t0)
      // Paced: one message in the air at a time, each delivered everywhere before the next.
      if (concurrency === 1) while (!(received.get(text)!.length >= STREAMS) && performance.now() < deadline) await sleep(1)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  while (!complete() && performance.now() < deadline) await sleep(5)
  const latencies: number[] = []
  let lastDelivery = started
  for (const [text, t0] of sentAt) {
    for (const at of received.get(text) ?? []) {
      latencies.push(at - t0)
      lastDelivery = Math.max(lastDelivery, at)
    }
  }
  const seconds = (lastDelivery - started) / 1000
  return {
    messages: sentAt.size,
    deliveries: latencies.length,
    missing: sentAt.size * STREAMS - latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    acceptedPerSec: sentAt.size / ((lastAck - started) / 1000),
    fannedOutPerSec: sentAt.size / seconds,
    deliveriesPerSec: latencies.length / seconds,
    ackP50: median(acks),
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** 500 event streams on one conversation; messages posted by the operator; delivery timed per stream. */
export async function measureFanout(root: string): Promise<FanoutReport> {
  const server = await startServer(root)
  const streams: IncomingMessage[] = []
  try {
    const session = await call(server.base, 'POST', '/v1/sessions', '', { widgetKey: WIDGET_KEY })
    const { session: s, conversation } = session.json as { session: { token: string }; conversation: { id: string } }
    const rssIdle = await server.rss()
    const received = new Map<string, number[]>()
    const onText = (text: string, at: number) => received.get(text)?.push(at)
    const connectStart = performance.now()
    for (let i = 0; i < STREAMS; i += 50) {
      const batch = Array.from({ length: Math.min(50, STREAMS - i) }, () =>
        openStream(server.base, `/v1/conversations/${conversation.id}/events`, s.token, onText),
      )
      streams.push(...(await Promise.all(batch)))
    }
    const connectMs = performance.now() - connectStart
    await sleep(200)
    const paced = await phase(server.base, conversation.id, received, FANOUT_PACED, 1, 0, 30_000)
    const burst = await phase(server.base, conversation.id, received, FANOUT_BURST, FANOUT_CONCURRENCY, FANOUT_PACED, 45_000)
    const rss = await server.rss()
    return { streams: streams.length, connectMs, paced, burst, serverRssMb: rss / 2 ** 20, serverRssIdleMb: rssIdle / 2 ** 20 }
  } finally {
    for (const s of streams) s.destroy()
    await server.stop()
  }
}
