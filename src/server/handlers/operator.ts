import type { HttpHandler } from 'msw'
import type { MessageDelivery, OperatorProfile, PaymentPage } from '../../protocol/types'
import { brandInReach, inReach, inReachOf, reaches, refuseOutOfReach } from '../access'
import { ApiFailure, notFound } from '../api-error'
import { addMessage, conversationSummaries, listMessages } from '../conversations'
import { json, parse, readBody } from '../http'
import { newId } from '../ids'
import { settleHold } from '../gateway/holds'
import { paymentRequestById, postCard, prepareCard, revokeRequest, shareCard, sweepExpired } from '../payments'
import { transactionsOf } from '../transactions'
import { transferConversation } from '../transfer'
import { publicPaymentRequest } from '../payment-view'
import { cardRequest } from '../whatsapp/card-message'
import { operatorRoutes } from '../route'
import { relayToWhatsApp, textRequest } from '../whatsapp/outbound'
import { contactRecordOf } from '../whatsapp/window'
import * as schema from '../schemas'
import { eventStream, lastEventIdOf } from '../sse'
import type { GatewayRecord, ServerState } from '../state'

/**
 * The operator console's API. Every route needs an operator token; an agent reaches only its brands'
 * conversations, cards and pages (`access.ts`), and the shop's settings are the admin's.
 */
export function operatorHandlers(state: ServerState): HttpHandler[] {
  const operatorRoute = operatorRoutes(state)
  const adminRoute = operatorRoutes(state, '', 'admin')

  const conversationOf = (operator: OperatorProfile, id: string) => inReach(operator, state.conversations.get(id), 'conversation')
  const requestOf = (operator: OperatorProfile, id: string) => inReach(operator, paymentRequestById(state, id), 'payment request')
  const pageById = (id: string) => {
    const page = state.paymentPages.get(id)
    if (!page) throw notFound('payment page')
    return page
  }
  /** A list for `?brandId=`: the operator's objects, of that brand when one is named. */
  const listed = <T extends { brandId: string }>(operator: OperatorProfile, request: Request, all: Iterable<T>) =>
    inReachOf(operator, all, new URL(request.url).searchParams.get('brandId'))

  return [
    operatorRoute('get', '/me', ({ operator }) => operator),

    operatorRoute('get', '/brands', ({ operator }) => ({ brands: [...state.brands.values()].filter((b) => operator.brandIds.includes(b.id)) })),

    operatorRoute('get', '/conversations', ({ request, operator }) => ({
      conversations: listed(operator, request, conversationSummaries(state)),
    })),

    operatorRoute('get', '/conversations/:id/messages', ({ request, params, operator }) => {
      const conversation = conversationOf(operator, params.id!)
      sweepExpired(state)
      return listMessages(state, conversation.id, parse(schema.page, Object.fromEntries(new URL(request.url).searchParams)))
    }),

    operatorRoute('post', '/conversations/:id/messages', async ({ request, params, operator }) => {
      const conversation = conversationOf(operator, params.id!)
      const { text } = await readBody(request, schema.operatorMessage)
      const brand = state.brands.get(conversation.brandId)
      const add = (delivery?: MessageDelivery) =>
        addMessage(state, conversation.id, { author: { role: 'operator', name: brand?.name ?? null }, text, delivery: delivery ?? null })
          .message
      // A WhatsApp-linked conversation also goes out on WhatsApp, where free text needs an open window.
      const contact = contactRecordOf(state, conversation.id)
      return json(contact ? relayToWhatsApp(state, contact, textRequest(contact, text), add) : add(), 201)
    }),

    // Each operator's stream carries only the events of conversations it reaches, live and replayed.
    operatorRoute('get', '/events', ({ request, operator }) =>
      eventStream(request, state.events.operator, lastEventIdOf(request), undefined, (event) => {
        const conversation = state.conversations.get(event.conversationId)
        return conversation !== undefined && reaches(operator, conversation)
      }),
    ),

    operatorRoute('get', '/payment-pages', ({ request, operator }) => ({ paymentPages: listed(operator, request, state.paymentPages.values()) })),

    adminRoute('post', '/payment-pages', async ({ request, operator }) => {
      const input = await readBody(request, schema.paymentPage)
      brandInReach(operator, input.brandId)
      const page: PaymentPage = { id: newId('pp'), ...input }
      state.paymentPages.set(page.id, page)
      return json(page, 201)
    }),

    adminRoute('patch', '/payment-pages/:id', async ({ request, params }) => {
      const page = pageById(params.id!)
      Object.assign(page, await readBody(request, schema.paymentPagePatch))
      return page
    }),

    adminRoute('delete', '/payment-pages/:id', ({ params }) => {
      state.paymentPages.delete(pageById(params.id!).id)
      return json(null, 204)
    }),

    operatorRoute('get', '/gateways', ({ request, operator }) => ({ gateways: listed(operator, request, state.gateways.values()).map(publicGateway) })),

    adminRoute('post', '/gateways', async ({ request, operator }) => {
      const input = await readBody(request, schema.gateway)
      brandInReach(operator, input.brandId)
      const entries = Object.entries(input.credentials as Record<string, string>)
      const record: GatewayRecord = {
        id: newId('gw'),
        brandId: input.brandId,
        provider: input.provider,
        publicCredentials: Object.fromEntries(entries.filter(([k]) => !schema.SECRET_FIELDS.has(k))),
        maskedSecrets: Object.fromEntries(entries.filter(([k]) => schema.SECRET_FIELDS.has(k)).map(([k, v]) => [k, maskSecret(v)])),
        secrets: Object.fromEntries(entries.filter(([k]) => schema.SECRET_FIELDS.has(k))),
        surcharges: input.surcharges,
        createdAt: state.clock.iso(),
      }
      state.gateways.set(record.id, record)
      return json(publicGateway(record), 201)
    }),

    operatorRoute('post', '/conversations/:id/payment-requests', async ({ request, params, operator }) => {
      const { paymentPageId, whatsapp, ...options } = await readBody(request, schema.sharePaymentRequest)
      const conversation = conversationOf(operator, params.id!)
      const page = state.paymentPages.get(paymentPageId)
      refuseOutOfReach(operator, page, 'payment page')
      if (whatsapp) refuseOutOfReach(operator, state.templates.get(whatsapp.templateId), 'template')
      if (page?.billing.type === 'recurring' && options.transactionType === 'authorize') {
        throw new ApiFailure(
          422,
          'transaction_type_not_allowed',
          'A recurring payment page cannot be authorized for a later capture: share it as a sale, or save the card.',
          'transactionType',
        )
      }
      const contact = contactRecordOf(state, conversation.id)
      if (!contact) {
        if (whatsapp) {
          throw new ApiFailure(422, 'not_on_whatsapp', 'This conversation is not on WhatsApp: share the card without a template.', 'whatsapp')
        }
        return json(shareCard(state, conversation.id, paymentPageId, options), 201)
      }
      // On WhatsApp the card goes out as a Pay button (or a template); it is posted only if WhatsApp takes it.
      const record = prepareCard(state, conversation.id, paymentPageId, options)
      const send = cardRequest(state, contact, record, whatsapp)
      relayToWhatsApp(state, contact, send, (delivery) => postCard(state, record, delivery))
      return json(publicPaymentRequest(record), 201)
    }),

    operatorRoute('post', '/payment-requests/:id/revoke', ({ params, operator }) => revokeRequest(state, requestOf(operator, params.id!))),

    // An `authorize` card's hold: charged now, or released.
    operatorRoute('post', '/payment-requests/:id/capture', ({ params, operator }) => settleHold(state, requestOf(operator, params.id!), 'capture')),
    operatorRoute('post', '/payment-requests/:id/void', ({ params, operator }) => settleHold(state, requestOf(operator, params.id!), 'void')),

    operatorRoute('get', '/conversations/:id/transactions', ({ params, operator }) => ({
      transactions: transactionsOf(state, conversationOf(operator, params.id!).id),
    })),

    // Every operator, so a conversation can be handed to any of its brand's: names, roles and brands, never tokens.
    operatorRoute('get', '/operators', () => ({ operators: [...state.operators.values()] })),

    operatorRoute('post', '/conversations/:id/transfer', async ({ request, params, operator }) => {
      const { operatorId } = await readBody(request, schema.transfer)
      const conversation = conversationOf(operator, params.id!)
      return transferConversation(state, conversation.id, operatorId)
    }),
  ]
}

/** `••••` and the last 4 characters, but only when 8 or more stay hidden: a short secret is not echoed. */
function maskSecret(secret: string): string {
  return `••••${secret.length >= 12 ? secret.slice(-4) : ''}`
}

function publicGateway({ secrets: _secrets, ...gateway }: GatewayRecord) {
  return gateway
}
