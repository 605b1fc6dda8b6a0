import { getResponse, type HttpHandler } from 'msw'
import { describe, expect, test } from 'vitest'
import { createHandlers } from '../../../src/server/index'
import { hmacSha256Hex } from '../../../src/server/whatsapp/signature'
import { BASE, call, card, OPERATOR_TOKEN, send, share, startVisitor, useReferenceServer } from './harness'

/**
 * Who may call what, for every route the server has. The routes are read from the handlers, so a route
 * added without a row here fails the "every route is covered" tests below.
 */
const state = useReferenceServer()

/** `METHOD /path` of every route of `handlers`, without the preflight and the catch-all 404. */
function routesOf(handlers: HttpHandler[]): string[] {
  return handlers.flatMap(({ info }) =>
    typeof info.method === 'string' && typeof info.path === 'string' && info.method !== 'OPTIONS' && info.path !== '*/v1/*'
      ? [`${info.method} ${info.path.replace(/^\*/, '')}`]
      : [],
  )
}

const ALL_ROUTES = routesOf(createHandlers({ state }))
const methodOf = (route: string) => route.split(' ')[0]!
const pathOf = (route: string) => route.split(' ')[1]!

/** Two visitors of one brand: `mine` has a message with a secret in it and a card; `other` has its own. */
async function twoVisitors() {
  const mine = await startVisitor()
  const other = await startVisitor()
  const secret = `secret-${crypto.randomUUID()}`
  expect((await send(mine.token, mine.conversationId, secret)).status).toBe(201)
  const card = await share(mine.conversationId)
  return { mine, other, secret, card }
}
type Ids = Awaited<ReturnType<typeof twoVisitors>>

interface VisitorCase {
  path: (ids: Ids) => string
  body?: unknown
  headers?: Record<string, string>
}

/** Every route the widget calls with a session token, with the ids of `mine`. */
const VISITOR: Record<string, VisitorCase> = {
  'GET /v1/conversations/:id/messages': { path: ({ mine }) => `/v1/conversations/${mine.conversationId}/messages` },
  'POST /v1/conversations/:id/messages': {
    path: ({ mine }) => `/v1/conversations/${mine.conversationId}/messages`,
    body: { clientId: 'c-matrix', text: 'hello' },
  },
  'GET /v1/conversations/:id/events': { path: ({ mine }) => `/v1/conversations/${mine.conversationId}/events` },
  'POST /v1/conversations/:id/handoff/whatsapp': { path: ({ mine }) => `/v1/conversations/${mine.conversationId}/handoff/whatsapp` },
  'GET /v1/payment-requests/:id': { path: ({ card }) => `/v1/payment-requests/${card.id}` },
  'POST /v1/payment-requests/:id/checkout': {
    path: ({ card }) => `/v1/payment-requests/${card.id}/checkout`,
    headers: { 'idempotency-key': 'key-matrix' },
  },
  'POST /v1/payment-requests/:id/decline': { path: ({ card }) => `/v1/payment-requests/${card.id}/decline` },
}

/** The caller's own session, no id in the path (identity verification): the token is the whole permission. */
const SELF: Record<string, { path: string; body: unknown }> = {
  'POST /v1/identify': { path: '/v1/identify', body: { email: 'ada@example.com', userHash: 'x' } },
}

/** Open to anyone: starting a session needs only the (public) widget key; the OpenAPI document is public. */
const PUBLIC = ['POST /v1/sessions', 'GET /openapi.json', 'GET /v1/openapi.json']

/**
 * The unguessable id in the path is the permission (hosted checkout page, WhatsApp pay link), each
 * with a body the route would take, so only the id decides the answer.
 */
const CAPABILITY: Record<string, { path: string; body?: unknown; headers?: Record<string, string> }> = {
  'GET /v1/checkout/sessions/:id': { path: '/v1/checkout/sessions/cs_guess' },
  'POST /v1/checkout/sessions/:id/pay': {
    path: '/v1/checkout/sessions/cs_guess/pay',
    body: card('4242 4242 4242 4242'),
    headers: { 'idempotency-key': 'k-guess' },
  },
  'POST /v1/checkout/sessions/:id/challenges/:challengeId': {
    path: '/v1/checkout/sessions/cs_guess/challenges/chl_guess',
    body: { result: 'pass' },
  },
  'POST /v1/checkout/sessions/:id/wallet/sign-in': {
    path: '/v1/checkout/sessions/cs_guess/wallet/sign-in',
    body: { email: 'ada@example.com', password: 'secret' },
  },
  'POST /v1/checkout/sessions/:id/cancel': { path: '/v1/checkout/sessions/cs_guess/cancel', body: { reason: 'payer' } },
  'GET /pay/:token': { path: '/pay/pl_guess' },
}

/**
 * Signed webhooks: Meta's (a verify token for the handshake, a signature on each delivery) and the
 * payment gateway's (`Paychat-Signature`, see gateway-webhook-signatures.test.ts).
 */
const WEBHOOK = ['GET /v1/webhooks/whatsapp', 'POST /v1/webhooks/whatsapp', 'POST /v1/webhooks/gateway']

const OPERATOR = ALL_ROUTES.filter((route) => pathOf(route).startsWith('/v1/operator/'))
const MOCK = ALL_ROUTES.filter((route) => pathOf(route).startsWith('/v1/mock/'))

/** Any id will do where the token is checked first, and the check must come first. */
const withDummyIds = (path: string) => path.replace(/:[A-Za-z]+/g, 'x_matrix')

/** Status, headers and text of a call; an event stream is only opened, its body not waited for. */
async function probe(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? null : JSON.stringify(options.body),
  })
  const stream = res.headers.get('content-type')?.includes('text/event-stream')
  // Not awaited: msw's intercepted bodies never settle a cancel.
  if (stream) res.body?.cancel().catch(() => {})
  const text = stream ? '' : await res.text()
  const code = !stream && res.headers.get('content-type')?.includes('json') && text ? (JSON.parse(text).error?.code as string) : undefined
  return { status: res.status, headers: res.headers, text, code }
}

/** What `mine` owns as the server holds it, to show a refused call changed nothing. */
const snapshotOf = (ids: Ids) =>
  JSON.stringify({
    messages: state.messages.get(ids.mine.conversationId),
    card: state.paymentRequests.get(ids.card.id),
    handoffs: [...state.handoffCodes.values()].filter((h) => h.conversationId === ids.mine.conversationId),
  })

describe('the route table is complete', () => {
  test('every route of the server is in exactly one group', () => {
    const groups = [Object.keys(VISITOR), Object.keys(SELF), PUBLIC, Object.keys(CAPABILITY), WEBHOOK, OPERATOR, MOCK]
    for (const route of ALL_ROUTES) {
      expect(groups.filter((group) => group.includes(route)).length, `${route} needs a row in this file`).toBe(1)
    }
  })

  test('every row is a route the server has', () => {
    for (const route of [...Object.keys(VISITOR), ...Object.keys(SELF), ...PUBLIC, ...Object.keys(CAPABILITY), ...WEBHOOK]) {
      expect(ALL_ROUTES, `${route} is no longer served`).toContain(route)
    }
  })

  test('the groups are not empty (the handlers were read)', () => {
    expect(OPERATOR.length).toBeGreaterThan(20)
    expect(MOCK.length).toBeGreaterThan(5)
  })
})

describe('own-session routes', () => {
  test.each(Object.entries(SELF))('%s: without a token, with an unknown one or with the operator token is 401', async (route, { path, body }) => {
    for (const token of [undefined, 'st_unknown', OPERATOR_TOKEN]) {
      const answer = await probe(methodOf(route), path, { ...(token ? { token } : {}), body })
      expect([token, answer.status, answer.code]).toEqual([token, 401, 'unauthorized'])
    }
  })
})

describe('visitor routes', () => {
  const rows = Object.entries(VISITOR)

  test.each(rows)('%s: the owner gets through', async (_route, { path, body, headers }) => {
    const ids = await twoVisitors()
    const answer = await probe(methodOf(_route), path(ids), { token: ids.mine.token, body, headers })
    expect(answer.status, answer.text).toBeLessThan(300)
  })

  test.each(rows)("%s: another visitor's token is refused (403/404), learns nothing and changes nothing", async (route, { path, body, headers }) => {
    const ids = await twoVisitors()
    const before = snapshotOf(ids)
    const answer = await probe(methodOf(route), path(ids), { token: ids.other.token, body, headers })
    expect([403, 404]).toContain(answer.status)
    expect(answer.text).not.toContain(ids.secret)
    expect(answer.text).not.toContain(ids.mine.token)
    expect(answer.text).not.toContain(ids.mine.visitorId)
    expect(answer.text).not.toContain('"paymentRequest"')
    expect(snapshotOf(ids)).toBe(before)
  })

  test.each(rows)('%s: without a token, with an unknown one or with the operator token is 401', async (route, { path, body, headers }) => {
    const ids = await twoVisitors()
    for (const token of [undefined, 'st_unknown', OPERATOR_TOKEN]) {
      const answer = await probe(methodOf(route), path(ids), { ...(token ? { token } : {}), body, headers })
      expect([token, answer.status, answer.code]).toEqual([token, 401, 'unauthorized'])
    }
  })

  test.each(rows)('%s: an id that does not exist is 404', async (route, { body, headers }) => {
    const ids = await twoVisitors()
    const path = withDummyIds(pathOf(route))
    const answer = await probe(methodOf(route), path, { token: ids.mine.token, body, headers })
    expect([answer.status, answer.code]).toEqual([404, 'not_found'])
  })

  test.each(rows)(
    '%s: from a page the brand does not allow, even the owner is 403 origin_not_allowed and nothing changes',
    async (route, { path, body, headers }) => {
      const ids = await twoVisitors()
      state.brands.get('brand_acme')!.allowedOrigins = ['https://shop.example']
      const before = snapshotOf(ids)
      const refused = await probe(methodOf(route), path(ids), {
        token: ids.mine.token,
        body,
        headers: { ...headers, origin: 'https://copycat.example' },
      })
      expect([refused.status, refused.code]).toEqual([403, 'origin_not_allowed'])
      expect(refused.text).not.toContain(ids.secret)
      expect(snapshotOf(ids)).toBe(before)
      const allowed = await probe(methodOf(route), path(ids), { token: ids.mine.token, body, headers: { ...headers, origin: 'https://shop.example' } })
      expect(allowed.status, allowed.text).toBeLessThan(300)
    },
  )
})

describe('routes opened by an id', () => {
  test.each(Object.entries(CAPABILITY))('%s with an id nobody was given is 404', async (route, { path, body, headers }) => {
    const answer = await probe(methodOf(route), path, { ...(body === undefined ? {} : { body }), headers })
    expect(answer.status).toBe(404)
  })
})

describe('operator routes', () => {
  test.each(OPERATOR)('%s refuses a visitor token, a wrong token and no token with 401', async (route) => {
    const { token } = await startVisitor()
    const body = methodOf(route) === 'GET' || methodOf(route) === 'DELETE' ? undefined : {}
    for (const bearer of [token, 'op_wrong', undefined]) {
      const answer = await probe(methodOf(route), withDummyIds(pathOf(route)), { ...(bearer ? { token: bearer } : {}), body })
      expect([bearer, answer.status, answer.code]).toEqual([bearer, 401, 'unauthorized'])
    }
  })
})

describe('mock controls', () => {
  const withoutMocks = createHandlers({ state, mock: false })

  /** A call answered by a server created with `mock: false`, without going over the network. */
  async function callWithoutMocks(method: string, path: string, headers: Record<string, string> = {}) {
    const body = method === 'GET' ? null : '{}'
    const res = await getResponse(withoutMocks, new Request(`${BASE}${path}`, { method, body, headers: { 'content-type': 'application/json', ...headers } }))
    return { status: res?.status, body: res ? await res.json() : null }
  }

  test('a server created with mock: false has none', () => {
    expect(routesOf(withoutMocks).filter((route) => pathOf(route).startsWith('/v1/mock/'))).toEqual([])
    expect(routesOf(withoutMocks)).toEqual(ALL_ROUTES.filter((route) => !MOCK.includes(route)))
  })

  test.each(MOCK)('%s is 404 not_found when the server is created with mock: false', async (route) => {
    const answer = await callWithoutMocks(methodOf(route), withDummyIds(pathOf(route)), { authorization: `Bearer ${OPERATOR_TOKEN}` })
    expect([answer.status, answer.body?.error?.code]).toEqual([404, 'not_found'])
  })

  test('everything else is still served with mock: false', async () => {
    const answer = await callWithoutMocks('GET', '/v1/operator/brands', { authorization: `Bearer ${OPERATOR_TOKEN}` })
    expect(answer.status).toBe(200)
  })
})

describe('the WhatsApp webhook', () => {
  const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [] })
  const deliver = (signature: string) =>
    call('POST', '/v1/webhooks/whatsapp', { body, headers: { 'x-hub-signature-256': signature } })

  test('a delivery signed with the app secret is taken', async () => {
    const answer = await deliver(`sha256=${await hmacSha256Hex(state.whatsapp.appSecret, body)}`)
    expect(answer.status, answer.text).toBe(200)
  })

  test.each([
    ['differing only in its last character', (hex: string) => hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0')],
    ['differing only in its first character', (hex: string) => (hex.startsWith('0') ? '1' : '0') + hex.slice(1)],
    ['of the right length made of zeros', (hex: string) => '0'.repeat(hex.length)],
  ])('a signature %s is 401 invalid_signature', async (_case, wrong) => {
    const right = await hmacSha256Hex(state.whatsapp.appSecret, body)
    const answer = await deliver(`sha256=${wrong(right)}`)
    expect([answer.status, answer.error?.code]).toEqual([401, 'invalid_signature'])
  })

  test('the handshake with a wrong verify token of the same length is 403', async () => {
    const wrong = 'x'.repeat(state.whatsapp.verifyToken.length)
    const answer = await call('GET', `/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${wrong}&hub.challenge=42`)
    expect(answer.status).toBe(403)
  })
})
