import type { Message, MessageDelivery, MessageTemplate, PaymentRequest } from '../../protocol/types'
import type { ServerState, WhatsAppContactRecord } from '../state'
import { checkSend, cloudApiSend } from './cloud-api'
import { CloudApiError } from './cloud-api-error'
import type { CloudApiSendRequest, CloudApiTemplateComponent } from './cloud-api-request'

/**
 * Paychat's side of the Cloud API: chat messages become Graph API requests, and Meta's refusals become
 * Paychat's error envelope (with Meta's code kept), so nothing is half-sent.
 */
function asApiFailure(error: unknown): unknown {
  return error instanceof CloudApiError ? error.toApiFailure() : error
}

/** Throws what the Cloud API would refuse the request with, before anything is created. */
export function assertSendable(state: ServerState, contact: WhatsAppContactRecord, request: CloudApiSendRequest): void {
  try {
    checkSend(state, contact.brandId, request)
  } catch (error) {
    throw asApiFailure(error)
  }
}

/** Sends on WhatsApp first; only an accepted send adds the chat message, which then carries its delivery. */
export function relayToWhatsApp(
  state: ServerState,
  contact: WhatsAppContactRecord,
  request: CloudApiSendRequest,
  addChatMessage: (delivery: MessageDelivery) => Message,
): Message {
  let sent: ReturnType<typeof cloudApiSend>
  try {
    sent = cloudApiSend(state, contact.brandId, request)
  } catch (error) {
    throw asApiFailure(error)
  }
  const message = addChatMessage({ channel: 'whatsapp', status: 'accepted', updatedAt: state.clock.iso() })
  sent.outbound.messageId = message.id
  return message
}

const base = (contact: WhatsAppContactRecord) => ({ messaging_product: 'whatsapp' as const, recipient_type: 'individual' as const, to: contact.id })

export function textRequest(contact: WhatsAppContactRecord, text: string): CloudApiSendRequest {
  return { ...base(contact), type: 'text', text: { body: text } }
}

/** A template with its body parameters (named or positional, as the template is) and URL suffix. */
export function templateRequest(
  contact: WhatsAppContactRecord,
  template: MessageTemplate,
  parameters: Array<{ name: string; text: string }>,
  urlSuffix: string | undefined,
): CloudApiSendRequest {
  const named = template.parameterFormat === 'NAMED'
  const components: CloudApiTemplateComponent[] = []
  if (parameters.length) {
    components.push({
      type: 'body',
      parameters: parameters.map(({ name, text }) => (named ? { type: 'text', parameter_name: name, text } : { type: 'text', text })),
    })
  }
  const buttons = template.components.find((c) => c.type === 'BUTTONS')?.buttons ?? []
  buttons.forEach((button, index) => {
    if (button.type === 'URL' && button.url.endsWith('{{1}}')) {
      components.push({ type: 'button', sub_type: 'url', index: String(index), parameters: [{ type: 'text', text: urlSuffix ?? '' }] })
    }
  })
  return { ...base(contact), type: 'template', template: { name: template.name, language: { code: template.language }, components } }
}

/**
 * Inside the window a card goes as a free call-to-action button that opens its checkout. It says what
 * the page will do, as the card in the web chat does: a hold is not a charge, and saving a card charges nothing.
 */
export function payButtonRequest(contact: WhatsAppContactRecord, card: PaymentRequest, amount: string, url: string): CloudApiSendRequest {
  const { text, button } = {
    sale: { text: `${card.title}: ${amount}. Tap the button to pay on our secure checkout page.`, button: 'Pay now' },
    authorize: {
      text: `${card.title}: ${amount}, held on your card until we confirm your order. Tap the button to authorize it on our secure checkout page.`,
      button: 'Pay now',
    },
    save_card: { text: `${card.title}: save your card on our secure checkout page. Nothing is charged now.`, button: 'Save card' },
  }[card.transactionType]
  return {
    ...base(contact),
    type: 'interactive',
    interactive: {
      type: 'cta_url',
      body: { text },
      action: { name: 'cta_url', parameters: { display_text: button, url } },
    },
  }
}
