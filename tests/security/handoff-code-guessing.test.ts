import { describe, expect, test } from 'vitest'
import { HOUR, MINUTE, asOperator, call, messagesOf, startVisitor, useReferenceServer } from '../unit/reference-server/harness'

/**
 * Finding 11: handoff codes were 6 characters of 31 (about 2^30) and a WhatsApp sender could guess
 * as often as it liked (200 guesses in 0.8 s, all taken). A code now carries at least 40 bits, and a
 * sender whose messages carried 5 unknown codes within an hour links nothing by code for an hour.
 */
const state = useReferenceServer()
const ADMIN = 'op_demo'

async function handoff() {
  const visitor = await startVisitor()
  const answer = await call<{ code: string; url: string }>('POST', `/v1/conversations/${visitor.conversationId}/handoff/whatsapp`, {
    token: visitor.token,
  })
  expect(answer.status, answer.text).toBe(200)
  return { ...visitor, code: answer.body.code }
}

const fromWhatsApp = async (from: string, text: string) => {
  const answer = await call('POST', '/v1/mock/whatsapp/inbound', { token: ADMIN, body: { from, name: 'Mallory', text } })
  expect(answer.status, answer.text).toBe(200)
}
const advance = (advanceMs: number) => call('POST', '/v1/mock/clock', { token: ADMIN, body: { advanceMs } })
const contactConversation = (from: string) => state.whatsappContacts.get(from)!.conversationId

/** A well-formed code that was never issued (codes are random: this one is all but certain to be free). */
let guesses = 0
const wrongCode = () => `PC-ZZZZZZ${String(guesses++).padStart(2, '0')}`

test('a code is 8 characters of a 32-character alphabet (40 bits), shown in the wa.me text', async () => {
  const codes = new Set<string>()
  for (let i = 0; i < 40; i++) codes.add((await handoff()).code)
  expect(codes.size).toBe(40)
  for (const code of codes) expect(code).toMatch(/^PC-[0-9A-HJKMNP-TV-Z]{8}$/)
  expect(32 ** 8).toBeGreaterThanOrEqual(2 ** 40)
})

test('a code typed in lower case, or with O for 0 and I or L for 1, still links', async () => {
  const { code, conversationId } = await handoff()
  const retyped = code.toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l')
  await fromWhatsApp('15550001111', `hi ${retyped}`)
  expect(contactConversation('15550001111')).toBe(conversationId)
})

describe('a sender that guesses', () => {
  test('after 5 unknown codes within an hour, even a valid code links nothing for the next hour; its messages stay in its own conversation', async () => {
    for (let i = 0; i < 5; i++) {
      await advance(10 * MINUTE)
      await fromWhatsApp('15559990000', `try ${wrongCode()}`)
    }
    // 55 minutes after the fifth guess, and well over an hour after the first.
    await advance(55 * MINUTE)
    const victim = await handoff()
    const own = contactConversation('15559990000')
    await fromWhatsApp('15559990000', `got it: ${victim.code}`)

    expect(contactConversation('15559990000')).toBe(own)
    expect(own).not.toBe(victim.conversationId)
    const victimTexts = (await messagesOf(victim.token, victim.conversationId)).body.messages.map((m) => m.text)
    expect(victimTexts).toEqual([])
    const ownTexts = (await asOperator<{ messages: { text: string }[] }>('GET', `/v1/operator/conversations/${own}/messages`)).body.messages
    expect(ownTexts.map((m) => m.text)).toHaveLength(6)
    expect(ownTexts.at(-1)!.text).toBe(`got it: ${victim.code}`)
  })

  test('the code it could not use still works for the customer it was made for', async () => {
    const customer = await handoff()
    for (let i = 0; i < 5; i++) await fromWhatsApp('15559990001', wrongCode())
    await fromWhatsApp('15559990001', customer.code)
    await fromWhatsApp('15551230000', `Hello (code ${customer.code})`)
    expect(contactConversation('15551230000')).toBe(customer.conversationId)
  })

  test('an hour after its fifth unknown code, a sender links by code again', async () => {
    for (let i = 0; i < 5; i++) await fromWhatsApp('15559990002', wrongCode())
    await advance(HOUR + MINUTE)
    const { code, conversationId } = await handoff()
    await fromWhatsApp('15559990002', code)
    expect(contactConversation('15559990002')).toBe(conversationId)
  })

  test('4 unknown codes within an hour are forgiven: a typo or two never locks a customer out', async () => {
    for (let i = 0; i < 4; i++) await fromWhatsApp('15559990003', wrongCode())
    const { code, conversationId } = await handoff()
    await fromWhatsApp('15559990003', code)
    expect(contactConversation('15559990003')).toBe(conversationId)
  })

  test('200 guesses in a row link nothing, whatever they hit', async () => {
    const codes = new Set<string>()
    for (let i = 0; i < 20; i++) codes.add((await handoff()).code)
    const guesses = [...Array.from({ length: 180 }, wrongCode), ...codes]
    for (const guess of guesses) await fromWhatsApp('15559990004', guess)
    const linked = [...state.handoffCodes.values()].filter((entry) => entry.used)
    expect(linked).toEqual([])
  })
})
