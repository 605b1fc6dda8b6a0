import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { asOperator, BASE, call, messagesOf, useReferenceServer, startVisitor } from './harness'

const state = useReferenceServer()
const SECRET = 'paychat-demo-secret'

function delivery(from: string, text: string, id = `wamid.${Math.random()}`, contact: Record<string, unknown> = { wa_id: from }) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba_1',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '+1 555-000-1234', phone_number_id: 'pn_1' },
              contacts: [{ profile: { name: 'Kenji' }, ...contact }],
              messages: [{ from, id, timestamp: '1760000000', type: 'text', text: { body: text } }],
            },
          },
        ],
      },
    ],
  }
}

function post(body: unknown, signature?: string) {
  const raw = JSON.stringify(body)
  return fetch(`${BASE}/v1/webhooks/whatsapp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signature ?? `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`,
    },
    body: raw,
  })
}

async function handoff() {
  const visitor = await startVisitor()
  const res = await call<any>('POST', `/v1/conversations/${visitor.conversationId}/handoff/whatsapp`, { token: visitor.token })
  return { ...visitor, link: res.body, status: res.status }
}

describe('the webhook handshake', () => {
  test('answers the challenge with the right verify token and refuses a wrong one', async () => {
    const ok = await fetch(`${BASE}/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=paychat-demo-verify&hub.challenge=1158201444`)
    expect(ok.status).toBe(200)
    expect(await ok.text()).toBe('1158201444')
    const wrong = await fetch(`${BASE}/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`)
    expect(wrong.status).toBe(403)
  })
})

describe('signed deliveries', () => {
  test.each([
    ['missing', ''],
    ['wrong', `sha256=${'0'.repeat(64)}`],
    ['signed with another secret', `sha256=${createHmac('sha256', 'other').update('{}').digest('hex')}`],
  ])('a %s signature is 401 and changes nothing', async (_, signature) => {
    const res = await post(delivery('15551234567', 'hello'), signature)
    expect(res.status).toBe(401)
    expect(state.conversations.size).toBe(0)
  })

  test('a message with no code starts a conversation for that contact; later ones join it', async () => {
    expect((await post(delivery('15551234567', 'Hi there'))).status).toBe(200)
    await post(delivery('15551234567', 'Anyone?'))
    const { body } = await asOperator<any>('GET', '/v1/operator/conversations')
    expect(body.conversations).toHaveLength(1)
    expect(body.conversations[0]).toMatchObject({ channel: 'whatsapp', whatsapp: { id: '15551234567', profileName: 'Kenji' }, messageCount: 2 })
  })

  test('a redelivery of the same message id is processed once', async () => {
    await post(delivery('15551234567', 'once', 'wamid.same'))
    await post(delivery('15551234567', 'once', 'wamid.same'))
    const [conversation] = (await asOperator<any>('GET', '/v1/operator/conversations')).body.conversations
    expect(conversation.messageCount).toBe(1)
  })

  test('a contact with a user_id and no phone number is handled', async () => {
    const body = delivery('', 'from a username')
    const value = body.entry[0]!.changes[0]!.value as any
    delete value.messages[0].from
    value.messages[0].from_user_id = 'US.13491208655302741918'
    value.contacts = [{ user_id: 'US.13491208655302741918', profile: { name: 'Ana' } }]
    expect((await post(body)).status).toBe(200)
    const [conversation] = (await asOperator<any>('GET', '/v1/operator/conversations')).body.conversations
    expect(conversation.whatsapp).toMatchObject({ id: 'US.13491208655302741918', profileName: 'Ana' })
  })
})

describe('handing a web conversation off to WhatsApp', () => {
  test('gives a wa.me link to the brand’s number whose short prefilled text carries the code', async () => {
    const { link, status } = await handoff()
    expect(status).toBe(200)
    expect(link.code).toMatch(/^PC-[0-9A-HJKMNP-TV-Z]{8}$/)
    const url = new URL(link.url)
    expect(url.origin + url.pathname).toBe('https://wa.me/15550001234')
    const text = url.searchParams.get('text')!
    expect(text).toContain(link.code)
    expect(text.length).toBeLessThanOrEqual(140)
  })

  test('a brand without WhatsApp refuses with 422', async () => {
    const visitor = await startVisitor('wk_sakura')
    const res = await call<any>('POST', `/v1/conversations/${visitor.conversationId}/handoff/whatsapp`, { token: visitor.token })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('whatsapp_unavailable')
  })

  test('the first WhatsApp message with the code links the contact to the same conversation', async () => {
    const { token, conversationId, link } = await handoff()
    await post(delivery('15551234567', `Hi! (code ${link.code})`))
    await post(delivery('15551234567', 'Here again'))
    const texts = (await messagesOf(token, conversationId)).body.messages.map((m) => [m.author.role, m.text])
    expect(texts).toEqual([
      ['system', 'Continued on WhatsApp'],
      ['visitor', `Hi! (code ${link.code})`],
      ['visitor', 'Here again'],
    ])
  })

  test('a code works once; a used or expired code starts a new conversation and loses nothing', async () => {
    const first = await handoff()
    await post(delivery('15550000001', first.link.code))
    await post(delivery('15550000002', first.link.code))
    const second = await handoff()
    await asOperator('POST', '/v1/mock/clock', { advanceMs: 31 * 60_000 })
    await post(delivery('15550000003', second.link.code))

    const conversations = (await asOperator<any>('GET', '/v1/operator/conversations')).body.conversations as any[]
    const of = (wa: string) => conversations.find((c) => c.whatsapp?.id === wa)
    expect(of('15550000001').id).toBe(first.conversationId)
    expect(of('15550000002').id).not.toBe(first.conversationId)
    expect(of('15550000003').id).not.toBe(second.conversationId)
    expect(of('15550000003').lastMessage.text).toBe(second.link.code)
  })
})

describe('the 24-hour window', () => {
  test('free text goes out on WhatsApp within 24 h of the customer’s last message, and is 422 after', async () => {
    await asOperator('POST', '/v1/mock/whatsapp/inbound', { from: '15551234567', name: 'Kenji', text: 'Hello' })
    const [conversation] = (await asOperator<any>('GET', '/v1/operator/conversations')).body.conversations
    expect((await asOperator('POST', `/v1/operator/conversations/${conversation.id}/messages`, { text: 'Hi Kenji' })).status).toBe(201)
    const outbox = (await asOperator<any>('GET', '/v1/mock/whatsapp/outbox')).body.messages
    expect(outbox).toMatchObject([{ to: '15551234567', text: 'Hi Kenji', type: 'text' }])

    await asOperator('POST', '/v1/mock/clock', { advanceMs: 24 * 3_600_000 })
    const late = await asOperator<any>('POST', `/v1/operator/conversations/${conversation.id}/messages`, { text: 'Still there?' })
    expect(late.status).toBe(422)
    expect(late.body.error.code).toBe('window_closed')
    expect(late.body.error.message).toMatch(/template/)
    expect((await asOperator<any>('GET', '/v1/mock/whatsapp/outbox')).body.messages).toHaveLength(1)

    await asOperator('POST', '/v1/mock/whatsapp/inbound', { from: '15551234567', text: 'Yes!' })
    expect((await asOperator('POST', `/v1/operator/conversations/${conversation.id}/messages`, { text: 'Great' })).status).toBe(201)
  })

  test('a web-only conversation has no window', async () => {
    const { conversationId } = await startVisitor()
    await asOperator('POST', '/v1/mock/clock', { advanceMs: 48 * 3_600_000 })
    expect((await asOperator('POST', `/v1/operator/conversations/${conversationId}/messages`, { text: 'Hi' })).status).toBe(201)
  })
})

describe('delivery statuses from the simulated Cloud API', () => {
  test('come back through the signed webhook and only ever move forward', async () => {
    await asOperator('POST', '/v1/mock/whatsapp/inbound', { from: '15551234567', text: 'Hello' })
    const [conversation] = (await asOperator<any>('GET', '/v1/operator/conversations')).body.conversations
    const reply = await asOperator<any>('POST', `/v1/operator/conversations/${conversation.id}/messages`, { text: 'Hi' })
    const [sent] = (await asOperator<any>('GET', '/v1/mock/whatsapp/outbox')).body.messages
    expect(sent).toMatchObject({ messageId: reply.body.id, status: 'accepted' })

    const report = (status: string) => asOperator<any>('POST', `/v1/mock/whatsapp/outbox/${sent.id}/status`, { status })
    expect((await report('delivered')).body.status).toBe('delivered')
    expect((await report('sent')).body.status).toBe('delivered')
    expect((await report('read')).body.status).toBe('read')
    expect((await report('seen')).status).toBe(400)
  })
})
