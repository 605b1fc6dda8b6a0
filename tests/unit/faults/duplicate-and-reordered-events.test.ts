import { describe, expect, test } from 'vitest'
import type { Message, PaymentRequestStatus } from '../../../src/protocol/types'
import { WAIT, expectCreatedAtOrder, expectNoDuplicates, faultStack, shown, texts } from './harness'

describe('duplicated and reordered stream events', { timeout: 15_000 }, () => {
  test('duplicated events leave each message once, in createdAt order, and announce each operator message once', async () => {
    const { proxy, store, operator, emitted, ready } = await faultStack()
    const conversationId = await ready()
    proxy.duplicateEvents(4)

    await operator.reply(conversationId, 'op 1')
    store.getState().send('visitor 1')
    await expect.poll(() => shown(store), WAIT).toEqual(['op 1:sent', 'visitor 1:sent'])
    await operator.reply(conversationId, 'op 2')
    store.getState().send('visitor 2')

    await expect.poll(() => store.getState().lastEventId, WAIT).toBe('4')
    expect(proxy.injected).toBe(4)
    const messages = store.getState().messages
    expect(texts(messages)).toEqual(['op 1', 'visitor 1', 'op 2', 'visitor 2'])
    expectNoDuplicates(messages)
    expectCreatedAtOrder(messages)
    expect(messages.map((m) => m.id)).toEqual((await operator.messages(conversationId)).map((m) => m.id))
    const announced = emitted.filter((e) => e.name === 'message').map((e) => (e.payload as Message).text)
    expect(announced).toEqual(['op 1', 'op 2'])
  })

  test('two swapped events leave the messages in createdAt order', async () => {
    const { proxy, store, operator, emitted, ready } = await faultStack()
    const conversationId = await ready()
    proxy.swapEvents(2)

    for (const text of ['first', 'second', 'third', 'fourth']) await operator.reply(conversationId, text)

    await expect.poll(() => texts(store.getState().messages), WAIT).toEqual(['first', 'second', 'third', 'fourth'])
    // They did reach the store the wrong way round.
    const arrived = emitted.filter((e) => e.name === 'message').map((e) => (e.payload as Message).text)
    expect(arrived).toEqual(['second', 'first', 'fourth', 'third'])
    const messages = store.getState().messages
    expectNoDuplicates(messages)
    expectCreatedAtOrder(messages)
    expect(messages.map((m) => m.id)).toEqual((await operator.messages(conversationId)).map((m) => m.id))
    expect(proxy.injected).toBe(2)
  })

  test('card updates out of order never move a card backwards: paid, then an older checkout_open', async () => {
    const { proxy, store, client, operator, emitted, ready } = await faultStack()
    const conversationId = await ready()
    const card = await operator.shareCard(conversationId, store.getState().brand!.id)
    await expect.poll(() => store.getState().cards[card.id]?.status, WAIT).toBe('pending')
    const history: PaymentRequestStatus[] = []
    const resumePoints: string[] = []
    store.subscribe((state, previous) => {
      const now = state.cards[card.id]
      if (now && now !== previous.cards[card.id]) history.push(now.status)
      if (state.lastEventId !== previous.lastEventId) resumePoints.push(state.lastEventId!)
    })

    // checkout_open is held back by the proxy until paid has gone past it.
    proxy.swapEvents(1)
    const link = await client.createCheckout(card.id, crypto.randomUUID())
    const paid = await fetch(`${proxy.upstreamOrigin}/v1/checkout/sessions/${link.checkoutSessionId}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ name: 'Ada Lovelace', number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' }),
    })
    expect(paid.status).toBe(200)

    // A message after both: once it is in, the late checkout_open (event 2) has been delivered too.
    await operator.reply(conversationId, 'Thanks for your order!')
    await expect.poll(() => store.getState().lastEventId, WAIT).toBe('4')
    expect(proxy.injected).toBe(1)
    expect(history).toEqual(['paid'])
    // The late event did not take the resume point back to 2.
    expect(resumePoints).toEqual(['3', '4'])
    expect(store.getState().cards[card.id]).toMatchObject({ status: 'paid', receipt: { last4: '4242' } })
    expect(emitted.filter((e) => e.name.startsWith('payment:')).map((e) => e.name)).toEqual(['payment:paid'])
  })

  test('a duplicated paid event is announced once', async () => {
    const { proxy, store, client, operator, emitted, ready } = await faultStack()
    const conversationId = await ready()
    const card = await operator.shareCard(conversationId, store.getState().brand!.id)
    await expect.poll(() => store.getState().cards[card.id]?.status, WAIT).toBe('pending')
    const link = await client.createCheckout(card.id, crypto.randomUUID())
    await expect.poll(() => store.getState().cards[card.id]?.status, WAIT).toBe('checkout_open')

    proxy.duplicateEvents(1)
    await fetch(`${proxy.upstreamOrigin}/v1/checkout/sessions/${link.checkoutSessionId}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ name: 'Ada Lovelace', number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' }),
    })
    await expect.poll(() => store.getState().cards[card.id]?.status, WAIT).toBe('paid')
    await expect.poll(() => proxy.injected, WAIT).toBe(1)
    expect(emitted.filter((e) => e.name === 'payment:paid')).toHaveLength(1)
    expect(store.getState().messages.filter((m) => m.paymentRequest?.id === card.id)).toHaveLength(1)
  })
})
