import { getResponse, type HttpHandler } from 'msw'
import { describe, expect, test } from 'vitest'
import { createHandlers } from '../../../src/server/index'
import { hmacSha256Hex } from '../../../src/server/whatsapp/signature'
import { openEventStream } from './event-stream'
import { asOperator, BASE, call, card, dumpState, OPERATOR_TOKEN, send, share, startVisitor, useReferenceServer } from './harness'

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

/** The roles: the admin (`OPERATOR_TOKEN`, every brand) and agents of Acme Coffee, of both brands, and of Sakura Tea. */
const ANA = 'agent_ana_demo'
const KENJI = 'agent_kenji_demo'
const LUCIA = 'agent_lucia_demo'

/** Acme Coffee's objects: a conversation with a secret and a card, a canned reply; `tpl_follow_up` is seeded. Lucía reaches none. */
async function acmeObjects() {
  const visitor = await startVisitor('wk_demo')
  const secret = `acme-secret-${crypto.randomUUID()}`
  expect((await send(visitor.token, visitor.conversationId, secret)).status).toBe(201)
  const acmeCard = await share(visitor.conversationId)
  const reply = await asOperator<{ id: string }>('POST', '/v1/operator/canned-responses', { brandId: 'brand_acme', name: 'Acme hello', text: 'Hello from Acme' })
  expect(reply.status, reply.text).toBe(201)
  return { conversationId: visitor.conversationId, cardId: acmeCard.id, replyId: reply.body.id, secret }
}
type AcmeIds = Awaited<ReturnType<typeof acmeObjects>>

/** What each operator route lets an agent do. */
type Access =
  /** Any operator, whatever its brands (who am I, who else is there, the credit balance). */
  | { kind: 'any' }
  /** A list: an agent's answer holds only its brands' objects. */
  | { kind: 'list' }
  /** An object of one brand named in the path: another brand's is 404, as if it did not exist. */
  | { kind: 'brand'; path: (ids: AcmeIds) => string; body?: unknown }
  /** Something made for a brand named in the body: one not the agent's is 422 unknown_brand. */
  | { kind: 'brandBody'; body: (brandId: string) => unknown }
  /** The shop's settings: 403 forbidden for every agent, even of that brand. */
  | { kind: 'admin'; body?: unknown }

const template = (brandId: string) => ({
  brandId,
  name: `matrix_${brandId}`,
  language: 'en_US',
  category: 'UTILITY',
  components: [{ type: 'BODY', text: 'Your order is ready.' }],
})

const ACCESS: Record<string, Access> = {
  'GET /v1/operator/me': { kind: 'any' },
  'GET /v1/operator/operators': { kind: 'any' },
  'GET /v1/operator/credits': { kind: 'any' },
  'GET /v1/operator/brands': { kind: 'list' },
  'GET /v1/operator/conversations': { kind: 'list' },
  'GET /v1/operator/events': { kind: 'list' },
  'GET /v1/operator/payment-pages': { kind: 'list' },
  'GET /v1/operator/gateways': { kind: 'list' },
  'GET /v1/operator/templates': { kind: 'list' },
  'GET /v1/operator/canned-responses': { kind: 'list' },
  'GET /v1/operator/conversations/:id/messages': { kind: 'brand', path: (ids) => `/v1/operator/conversations/${ids.conversationId}/messages` },
  'POST /v1/operator/conversations/:id/messages': {
    kind: 'brand',
    path: (ids) => `/v1/operator/conversations/${ids.conversationId}/messages`,
    body: { text: 'hello' },
  },
  'GET /v1/operator/conversations/:id/transactions': { kind: 'brand', path: (ids) => `/v1/operator/conversations/${ids.conversationId}/transactions` },
  'POST /v1/operator/conversations/:id/payment-requests': {
    kind: 'brand',
    path: (ids) => `/v1/operator/conversations/${ids.conversationId}/payment-requests`,
    body: { paymentPageId: 'pp_house_blend' },
  },
  'POST /v1/operator/conversations/:id/transfer': {
    kind: 'brand',
    path: (ids) => `/v1/operator/conversations/${ids.conversationId}/transfer`,
    body: { operatorId: 'op_kenji' },
  },
  'POST /v1/operator/conversations/:id/templates': {
    kind: 'brand',
    path: (ids) => `/v1/operator/conversations/${ids.conversationId}/templates`,
    body: { templateId: 'tpl_follow_up', parameters: { first_name: 'Ada', product: 'Beans' } },
  },
  'POST /v1/operator/payment-requests/:id/revoke': { kind: 'brand', path: (ids) => `/v1/operator/payment-requests/${ids.cardId}/revoke` },
  'POST /v1/operator/payment-requests/:id/capture': { kind: 'brand', path: (ids) => `/v1/operator/payment-requests/${ids.cardId}/capture` },
  'POST /v1/operator/payment-requests/:id/void': { kind: 'brand', path: (ids) => `/v1/operator/payment-requests/${ids.cardId}/void` },
  'PATCH /v1/operator/templates/:id': { kind: 'brand', path: () => '/v1/operator/templates/tpl_follow_up', body: { name: 'renamed' } },
  'DELETE /v1/operator/templates/:id': { kind: 'brand', path: () => '/v1/operator/templates/tpl_follow_up' },
  'PATCH /v1/operator/canned-responses/:id': { kind: 'brand', path: (ids) => `/v1/operator/canned-responses/${ids.replyId}`, body: { text: 'changed' } },
  'DELETE /v1/operator/canned-responses/:id': { kind: 'brand', path: (ids) => `/v1/operator/canned-responses/${ids.replyId}` },
  'GET /v1/operator/canned-responses/:id/fill': {
    kind: 'brand',
    path: (ids) => `/v1/operator/canned-responses/${ids.replyId}/fill?conversationId=${ids.conversationId}`,
  },
  'POST /v1/operator/templates': { kind: 'brandBody', body: template },
  'POST /v1/operator/canned-responses': { kind: 'brandBody', body: (brandId) => ({ brandId, name: `Reply ${brandId}`, text: 'Hi' }) },
  'POST /v1/operator/payment-pages': {
    kind: 'admin',
    body: { brandId: 'brand_sakura', title: 'Sencha', price: { amount: 1500, currency: 'JPY' }, billing: { type: 'one_time' } },
  },
  'PATCH /v1/operator/payment-pages/:id': { kind: 'admin', body: { title: 'Cheap matcha' } },
  'DELETE /v1/operator/payment-pages/:id': { kind: 'admin' },
  'POST /v1/operator/gateways': {
    kind: 'admin',
    body: { brandId: 'brand_sakura', provider: 'stripe', credentials: { publishableKey: 'pk_test_12345678', secretKey: 'sk_test_12345678' } },
  },
  'POST /v1/operator/templates/:id/submit': { kind: 'admin' },
  'POST /v1/operator/credits/purchase': { kind: 'admin', body: { amount: 10 } },
  'PUT /v1/operator/credits/auto-recharge': { kind: 'admin', body: { enabled: false, minimumBalance: 0, rechargeAmount: 0 } },
}

const rowsOf = <K extends Access['kind']>(kind: K) =>
  Object.entries(ACCESS).flatMap(([route, access]) => (access.kind === kind ? [[route, access as Extract<Access, { kind: K }>] as const] : []))

/** The admin routes' paths, on Sakura Tea's objects (an agent of that brand is still refused). */
const sakuraPath = (route: string) =>
  pathOf(route).replace('/payment-pages/:id', '/payment-pages/pp_matcha_set').replace('/templates/:id', '/templates/tpl_payment_link')

describe('operator roles and brands', () => {
  test('every operator route says what an agent may do, and every row is a route', () => {
    expect(Object.keys(ACCESS).sort()).toEqual([...OPERATOR].sort())
  })

  test.each(rowsOf('brand'))("%s: another brand's object is 404 to an agent, tells nothing and changes nothing", async (route, { path, body }) => {
    const ids = await acmeObjects()
    const before = dumpState(state)
    const refused = await probe(methodOf(route), path(ids), { token: LUCIA, body })
    expect([refused.status, refused.code]).toEqual([404, 'not_found'])
    expect(refused.text).not.toContain(ids.secret)
    expect(dumpState(state)).toBe(before)
    // An operator of the brand is let in (the answer may still refuse the action on its merits), each on a fresh seed.
    for (const token of [ANA, KENJI, OPERATOR_TOKEN]) {
      state.reset()
      const allowed = await probe(methodOf(route), path(await acmeObjects()), { token, body })
      expect([token, [401, 403, 404].includes(allowed.status)], allowed.text).toEqual([token, false])
    }
  })

  test.each(rowsOf('list'))('%s: an agent’s answer holds nothing of another brand', async (route) => {
    const ids = await acmeObjects()
    const read = async (token: string) => {
      if (route.endsWith('/events')) {
        const stream = await openEventStream(`${BASE}${pathOf(route)}`, { authorization: `Bearer ${token}`, 'last-event-id': '0' })
        await stream.next(100, 200)
        stream.close()
        return stream.raw()
      }
      const answer = await probe('GET', pathOf(route), { token })
      expect(answer.status).toBe(200)
      return answer.text
    }
    const lucia = await read(LUCIA)
    for (const acme of ['brand_acme', ids.conversationId, ids.secret, ids.replyId]) expect(lucia).not.toContain(acme)
    expect(await read(OPERATOR_TOKEN)).toContain('brand_acme')
  })

  test.each(rowsOf('brandBody'))('%s: for a brand not the agent’s it is 422 unknown_brand; for its own it is made', async (route, { body }) => {
    const before = dumpState(state)
    const refused = await probe(methodOf(route), pathOf(route), { token: LUCIA, body: body('brand_acme') })
    expect([refused.status, refused.code]).toEqual([422, 'unknown_brand'])
    expect(dumpState(state)).toBe(before)
    expect((await probe(methodOf(route), pathOf(route), { token: LUCIA, body: body('brand_sakura') })).status).toBe(201)
  })

  test.each(rowsOf('admin'))('%s: 403 forbidden for every agent, even of that brand, and nothing changes; the admin gets through', async (route, { body }) => {
    const before = dumpState(state)
    for (const token of [LUCIA, KENJI, ANA]) {
      const refused = await probe(methodOf(route), sakuraPath(route), { token, body })
      expect([token, refused.status, refused.code]).toEqual([token, 403, 'forbidden'])
    }
    expect(dumpState(state)).toBe(before)
    const allowed = await probe(methodOf(route), sakuraPath(route), { token: OPERATOR_TOKEN, body })
    expect([401, 403]).not.toContain(allowed.status)
  })

  test.each(rowsOf('any'))('%s: every operator gets through', async (route) => {
    for (const token of [LUCIA, ANA, KENJI, OPERATOR_TOKEN]) expect((await probe('GET', pathOf(route), { token })).status).toBe(200)
  })
})

describe('mock controls', () => {
  test.each(MOCK)('%s: 401 without a token, 403 forbidden with an agent’s, and changes nothing', async (route) => {
    const body = methodOf(route) === 'GET' ? undefined : {}
    const before = dumpState(state)
    expect((await probe(methodOf(route), withDummyIds(pathOf(route)), { body })).status).toBe(401)
    for (const token of [ANA, KENJI, LUCIA]) {
      expect([token, (await probe(methodOf(route), withDummyIds(pathOf(route)), { token, body })).status]).toEqual([token, 403])
    }
    expect(dumpState(state)).toBe(before)
  })

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
