import { describe, expect, test } from 'vitest'
import { asOperator, BASE, call, card, HOUR, pay, useReferenceServer } from './harness'

useReferenceServer()

const outbox = async () => (await asOperator<any>('GET', '/v1/mock/whatsapp/outbox')).body.messages
const shareOnWhatsApp = (conversationId: string, body: object = {}) =>
  asOperator<any>('POST', `/v1/operator/conversations/${conversationId}/payment-requests`, { paymentPageId: 'pp_house_blend', ...body })
const messagesOf = async (conversationId: string) =>
  (await asOperator<any>('GET', `/v1/operator/conversations/${conversationId}/messages`)).body.messages
const follow = (url: string) => fetch(url, { redirect: 'manual' })

/** A web visitor who continued on WhatsApp: the same conversation, now with a WhatsApp contact. */
async function handedOff() {
  const session = (await call<any>('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo' } })).body
  const token = session.session.token as string
  const conversationId = session.conversation.id as string
  const link = (await call<any>('POST', `/v1/conversations/${conversationId}/handoff/whatsapp`, { token })).body
  await asOperator('POST', '/v1/mock/whatsapp/inbound', { from: '15551234567', name: 'Kenji Sato', text: `Hi! (code ${link.code})` })
  return { token, conversationId }
}

describe('a card shared in a WhatsApp conversation', () => {
  test('inside the window goes as a free Pay now button whose link opens the card’s checkout', async () => {
    const { conversationId } = await handedOff()
    const shared = await shareOnWhatsApp(conversationId)
    expect(shared.status).toBe(201)

    const [sent] = await outbox()
    expect(sent).toMatchObject({ type: 'interactive', pricing: { billable: false } })
    const { display_text, url } = sent.request.interactive.action.parameters
    expect(display_text).toBe('Pay now')
    expect(url).toMatch(new RegExp(`^${BASE}/pay/pl_[0-9a-f]{48}$`))
    expect(sent.text).toContain('House blend, 1 kg')
    expect(sent.text).toContain('$24.50')

    const redirect = await follow(url)
    expect(redirect.status).toBe(303)
    expect(redirect.headers.get('location')).toMatch(new RegExp(`^${BASE}/checkout/cs_`))
    // The card in the web chat is the same one: opening it from WhatsApp shows there too.
    const cardMessage = (await messagesOf(conversationId)).find((m: any) => m.paymentRequest?.id === shared.body.id)
    expect(cardMessage.paymentRequest.status).toBe('checkout_open')
    expect(cardMessage.delivery).toMatchObject({ channel: 'whatsapp', status: 'accepted' })
  })

  test('paid from WhatsApp, the web chat’s card says paid, and the link then shows the receipt page', async () => {
    const { token, conversationId } = await handedOff()
    const shared = await shareOnWhatsApp(conversationId)
    const [sent] = await outbox()
    const location = (await follow(sent.request.interactive.action.parameters.url)).headers.get('location')!
    const sessionId = location.split('/').at(-1)!
    expect((await pay(sessionId, card('4242424242424242'))).body.outcome).toBe('paid')

    const visitorCard = await call<any>('GET', `/v1/payment-requests/${shared.body.id}`, { token })
    expect(visitorCard.body.status).toBe('paid')
    const again = await follow(sent.request.interactive.action.parameters.url)
    expect(again.status).toBe(303)
    expect(again.headers.get('location')).toBe(location)
  })

  test.each([
    ['authorize', 'authorized', 'held on your card', 'Pay now'],
    ['save_card', 'card_saved', 'Nothing is charged now.', 'Save card'],
  ])('shared as %s, the button says what it does; done, the link then shows the page that says so (%s)', async (transactionType, status, says, button) => {
    const { conversationId } = await handedOff()
    const shared = await shareOnWhatsApp(conversationId, { transactionType })
    const [sent] = await outbox()
    expect(sent.request.interactive.body.text).toContain(says)
    expect(sent.request.interactive.action.parameters.display_text).toBe(button)
    const url = sent.request.interactive.action.parameters.url
    const location = (await follow(url)).headers.get('location')!
    expect((await pay(location.split('/').at(-1)!, card('4242424242424242'))).body.paymentRequest.status).toBe(status)
    expect(shared.body.transactionType).toBe(transactionType)
    const again = await follow(url)
    expect([again.status, again.headers.get('location')]).toEqual([303, location])
  })

  test('outside the window needs a template: without one it is 422 window_closed and no card is made', async () => {
    const { conversationId } = await handedOff()
    const before = (await messagesOf(conversationId)).length
    await asOperator('POST', '/v1/mock/clock', { advanceMs: 25 * HOUR })
    const refused = await shareOnWhatsApp(conversationId)
    expect(refused.status).toBe(422)
    expect(refused.body.error.code).toBe('window_closed')
    expect(await messagesOf(conversationId)).toHaveLength(before)
    expect(await outbox()).toEqual([])
  })

  test('as a template: parameters may name the card, and the URL button carries the pay link', async () => {
    const { conversationId } = await handedOff()
    await asOperator('POST', '/v1/mock/clock', { advanceMs: 25 * HOUR })
    const shared = await shareOnWhatsApp(conversationId, {
      whatsapp: { templateId: 'tpl_payment_link', parameters: ['{{contact.first_name}}', '{{payment.title}}', '{{payment.amount}}'] },
    })
    expect(shared.status).toBe(201)
    const [sent] = await outbox()
    expect(sent).toMatchObject({
      type: 'template',
      text: 'Hi Kenji, here is your payment request for House blend, 1 kg ($24.50). Tap the button to pay on our secure checkout page.',
      pricing: { billable: true, category: 'utility' },
    })
    const button = sent.request.template.components.find((c: any) => c.type === 'button')
    const token = button.parameters[0].text
    expect(token).toMatch(/^pl_/)
    expect((await follow(`${BASE}/pay/${token}`)).status).toBe(303)
    expect((await asOperator<any>('GET', '/v1/operator/credits')).body.balance).toBe(46)
  })

  test('a template without a /pay/{{1}} URL button cannot carry a card (422)', async () => {
    const { conversationId } = await handedOff()
    const res = await shareOnWhatsApp(conversationId, {
      whatsapp: { templateId: 'tpl_follow_up', parameters: { first_name: 'Kenji', product: 'House Blend' } },
    })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('template_without_pay_button')
  })

  test('with too few credits for the template, no card is made (402)', async () => {
    const { conversationId } = await handedOff()
    await asOperator('POST', '/v1/mock/clock', { advanceMs: 25 * HOUR })
    await asOperator('PUT', '/v1/operator/credits/auto-recharge', { enabled: false, minimumBalance: 0, rechargeAmount: 0 })
    const before = (await messagesOf(conversationId)).length
    for (let i = 0; i < 12; i++) {
      await shareOnWhatsApp(conversationId, { whatsapp: { templateId: 'tpl_payment_link', parameters: ['a', 'b', 'c'] } })
    }
    const res = await shareOnWhatsApp(conversationId, { whatsapp: { templateId: 'tpl_payment_link', parameters: ['a', 'b', 'c'] } })
    expect(res.status).toBe(402)
    expect(await messagesOf(conversationId)).toHaveLength(before + 12)
  })

  test('a web-only conversation refuses a template (422 not_on_whatsapp)', async () => {
    const session = (await call<any>('POST', '/v1/sessions', { body: { widgetKey: 'wk_demo' } })).body
    const res = await shareOnWhatsApp(session.conversation.id, { whatsapp: { templateId: 'tpl_payment_link' } })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('not_on_whatsapp')
  })
})

describe('the pay link', () => {
  test('of a withdrawn card says so (410); an unknown one is 404', async () => {
    const { conversationId } = await handedOff()
    const shared = await shareOnWhatsApp(conversationId)
    await asOperator('POST', `/v1/operator/payment-requests/${shared.body.id}/revoke`)
    const [sent] = await outbox()
    const gone = await follow(sent.request.interactive.action.parameters.url)
    expect(gone.status).toBe(410)
    expect(await gone.text()).toContain('withdrawn')
    expect((await follow(`${BASE}/pay/pl_nothing`)).status).toBe(404)
  })

  test('keeps working after a checkout session expires: a fresh one is opened', async () => {
    const { conversationId } = await handedOff()
    await shareOnWhatsApp(conversationId, { checkoutMinutes: 30 })
    const [sent] = await outbox()
    const url = sent.request.interactive.action.parameters.url
    const first = (await follow(url)).headers.get('location')
    await asOperator('POST', '/v1/mock/clock', { advanceMs: HOUR })
    const second = (await follow(url)).headers.get('location')
    expect(second).toMatch(/\/checkout\/cs_/)
    expect(second).not.toBe(first)
  })
})
