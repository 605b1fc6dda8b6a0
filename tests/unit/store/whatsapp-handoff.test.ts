import { expect, test } from 'vitest'
import { createChatStore } from '../../../src/store/index'
import type { PaychatEventName } from '../../../src/store/types'
import { fakeClient } from './fake-client'

async function started() {
  const { client, fake } = fakeClient()
  const emitted: Array<[PaychatEventName, unknown]> = []
  const store = createChatStore({ client, emit: (name, payload) => emitted.push([name, payload]) })
  await store.getState().start()
  return { store, fake, emitted }
}

test('a wa.me link from the server is handed to the widget to open', async () => {
  const { store, fake } = await started()
  await expect(store.getState().continueOnWhatsApp()).resolves.toMatchObject({ url: fake.handoffUrl })
  expect(fake.calls).toContainEqual(['requestWhatsAppHandoff', 'conv_1'])
})

test.each(['https://evil.example/wa', 'http://wa.me/1555', 'javascript:alert(1)', 'https://user:pw@wa.me/1'])(
  'any other link (%s) is refused with its code',
  async (url) => {
    const { store, fake } = await started()
    fake.handoffUrl = url
    await expect(store.getState().continueOnWhatsApp()).rejects.toMatchObject({ name: 'ChatFailure', reason: { code: 'unsafe_whatsapp_link' } })
  },
)

test('the stream saying the conversation moved to WhatsApp is reported to the host page', async () => {
  const { fake, emitted } = await started()
  fake.push({ type: 'conversation.handed_off', conversationId: 'conv_1', channel: 'whatsapp' }, '5')
  expect(emitted).toContainEqual(['handoff', { channel: 'whatsapp' }])
})
