import { request as httpRequest } from 'node:http'
import { describe, expect, test } from 'vitest'
import { createServerState } from '../../src/server/index'
import { useServedBuild } from './served-build'

/**
 * Finding 8: absolute URLs came from the Host header, so `Host: evil.example` on Pay Now gave a
 * checkout URL on evil.example (replayed for 24 h under that Idempotency-Key), and the same for pay
 * links and WhatsApp Pay buttons. Every absolute URL now comes from the configured public URL.
 */
const PUBLIC_URL = 'https://chat.acme-coffee.example'
const served = useServedBuild({ publicUrl: PUBLIC_URL })

/** What an attacker in front of the server can send: any Host and any forwarding headers. */
const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'host=evil.example' }

/** A request with headers exactly as given (fetch would not send a Host of our choosing). */
function raw(method: string, path: string, headers: Record<string, string>, body?: unknown, base = served.base()) {
  const { hostname, port } = new URL(base)
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }>((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res.headers['content-type']?.includes('json') ? JSON.parse(text) : text }))
    })
    req.on('error', reject)
    req.end(payload)
  })
}

const operator = { ...FORGED, authorization: 'Bearer op_demo' }

describe('with a Host and X-Forwarded-* of the attacker’s choosing', () => {
  test('Pay Now gives a checkout URL on the public URL, and so does its replay', async () => {
    const api = served.api()
    const visitor = await api.startVisitor()
    const card = await api.share(visitor.conversationId)
    const headers = { ...FORGED, authorization: `Bearer ${visitor.token}`, 'idempotency-key': 'pay-once' }
    const first = await raw('POST', `/v1/payment-requests/${card.id}/checkout`, headers)
    expect(first.status).toBe(200)
    expect(first.body.checkoutUrl).toBe(`${PUBLIC_URL}/checkout/${first.body.checkoutSessionId}`)
    const replay = await raw('POST', `/v1/payment-requests/${card.id}/checkout`, headers)
    expect(replay.body.checkoutUrl).toBe(first.body.checkoutUrl)
  })

  test('a pay link redirects to the checkout on the public URL', async () => {
    const api = served.api()
    const visitor = await api.startVisitor()
    const card = await api.share(visitor.conversationId)
    const answer = await raw('GET', `/pay/${served.state.paymentRequests.get(card.id)!.payLinkToken}`, FORGED)
    expect(answer.status).toBe(303)
    expect(answer.headers.location).toMatch(new RegExp(`^${PUBLIC_URL}/checkout/cs_`))
  })

  test('a card shared on WhatsApp carries a Pay button linking to the public URL', async () => {
    const inbound = await raw('POST', '/v1/mock/whatsapp/inbound', operator, { from: '15551234567', name: 'Kenji', text: 'Hello' })
    expect(inbound.status).toBe(200)
    const conversationId = [...served.state.whatsappContacts.values()][0]!.conversationId
    const shared = await raw('POST', `/v1/operator/conversations/${conversationId}/payment-requests`, operator, { paymentPageId: 'pp_house_blend' })
    expect(shared.status).toBe(201)
    const [sent] = served.state.whatsappOutbox
    const { url } = (sent!.request as any).interactive.action.parameters
    expect(url).toBe(`${PUBLIC_URL}/pay/${served.state.paymentRequests.get(shared.body.id)!.payLinkToken}`)
  })
})

describe('without a configured public URL', () => {
  const bare = useServedBuild()

  test('the address the server listens on is its public URL, whatever the Host says', async () => {
    const api = bare.api()
    const visitor = await api.startVisitor()
    const card = await api.share(visitor.conversationId)
    const headers = { ...FORGED, authorization: `Bearer ${visitor.token}`, 'idempotency-key': 'k1' }
    const link = await raw('POST', `/v1/payment-requests/${card.id}/checkout`, headers, undefined, bare.base())
    expect(link.body.checkoutUrl).toBe(`${bare.base()}/checkout/${link.body.checkoutSessionId}`)
    const buttons = bare.state.templates.get('tpl_payment_link')!.components.find((c) => c.type === 'BUTTONS')
    expect(buttons).toMatchObject({ buttons: [{ url: `${bare.base()}/pay/{{1}}` }] })
  })
})

test('the seeded template’s Pay button links to the public URL', () => {
  const template = served.state.templates.get('tpl_payment_link')!
  const buttons = template.components.find((c) => c.type === 'BUTTONS')
  expect(buttons).toMatchObject({ buttons: [{ type: 'URL', url: `${PUBLIC_URL}/pay/{{1}}` }] })
})

test('a public URL that is not an http(s) origin is refused when the server is made; a trailing slash is fine', () => {
  expect(createServerState({ publicUrl: 'https://chat.example/' }).publicUrl).toBe('https://chat.example')
  for (const publicUrl of ['chat.example', 'javascript:alert(1)', 'ftp://chat.example', 'https://user:pw@chat.example', 'https://chat.example/x?y']) {
    expect(() => createServerState({ publicUrl }), publicUrl).toThrow(/public URL/i)
  }
})
