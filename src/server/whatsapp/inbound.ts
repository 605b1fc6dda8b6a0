import type { Brand } from '../../protocol/types'
import { ApiFailure } from '../api-error'
import { addMessage, createConversation } from '../conversations'
import { parse } from '../http'
import type { ServerState } from '../state'
import { applyStatus } from './delivery'
import { redeemCode } from './handoff'
import { validSignature } from './signature'
import { webhookPayload, type WebhookPayload } from './webhook-payload'

const digits = (phone: string) => phone.replace(/\D/g, '')

/**
 * A Cloud API webhook delivery: verified against the app secret before anything is read, then each
 * new message lands in its conversation and each status updates the message it reports on.
 */
export async function receiveWebhook(state: ServerState, rawBody: string, signature: string | null): Promise<void> {
  if (!(await validSignature(state.whatsapp.appSecret, rawBody, signature))) {
    throw new ApiFailure(401, 'invalid_signature', 'X-Hub-Signature-256 does not match the body signed with the app secret.')
  }
  let json: unknown
  try {
    json = JSON.parse(rawBody)
  } catch {
    throw new ApiFailure(400, 'invalid_json', 'The webhook body is not valid JSON.')
  }
  for (const entry of parse(webhookPayload, json).entry) {
    for (const { value } of entry.changes) receiveChange(state, value)
  }
}

type ChangeValue = WebhookPayload['entry'][number]['changes'][number]['value']

function receiveChange(state: ServerState, value: ChangeValue): void {
  const brand = [...state.brands.values()].find(
    (b) => b.whatsappNumber !== null && b.whatsappNumber === digits(value.metadata.display_phone_number),
  )
  if (!brand) return // a number this server does not serve; answering 200 stops Meta retrying forever
  const names = new Map((value.contacts ?? []).map((c) => [c.wa_id ?? c.user_id ?? '', c.profile?.name ?? null]))

  for (const message of value.messages ?? []) {
    if (state.whatsappSeen.has(message.id)) continue
    state.whatsappSeen.add(message.id)
    // Contacts may come with a user_id and no phone number.
    const contactId = message.from ?? message.from_user_id ?? [...names.keys()][0] ?? 'unknown'
    const text = message.type === 'text' && message.text ? message.text.body : `[${message.type} message]`
    receiveMessage(state, brand, contactId, names.get(contactId) ?? null, text)
  }
  for (const status of value.statuses ?? []) applyStatus(state, status)
}

function receiveMessage(state: ServerState, brand: Brand, contactId: string, profileName: string | null, text: string) {
  const known = state.whatsappContacts.get(contactId)
  const handedOff = redeemCode(state, text, brand.id, contactId)
  let conversationId: string
  if (handedOff) {
    conversationId = handedOff
  } else if (known && known.brandId === brand.id) {
    conversationId = known.conversationId
  } else {
    // Unknown or expired code, or no code at all: a new conversation, so nothing the customer says is dropped.
    conversationId = createConversation(state, brand.id).id
  }
  state.whatsappContacts.set(contactId, {
    id: contactId,
    brandId: brand.id,
    profileName: profileName ?? known?.profileName ?? null,
    conversationId,
    lastInboundAt: state.clock.now(),
  })
  if (handedOff) {
    state.events.emit({ type: 'conversation.handed_off', conversationId, channel: 'whatsapp' })
    addMessage(state, conversationId, { author: { role: 'system', name: null }, text: 'Continued on WhatsApp' })
  }
  addMessage(state, conversationId, { author: { role: 'visitor', name: profileName }, text })
}
