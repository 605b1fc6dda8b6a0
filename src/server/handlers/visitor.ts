import type { HttpHandler } from 'msw'
import { ApiFailure } from '../api-error'
import { requireVisitor } from '../auth'
import { brandByWidgetKey } from '../brands'
import { addMessage, listMessages, startSession, visitorConversation } from '../conversations'
import { assertOriginAllowed, normalOrigin } from '../embed-origin'
import { verifyIdentity } from '../identity'
import { json, parse, readBody, requireIdempotencyKey } from '../http'
import { declineRequest, openCheckout, paymentRequestById, sweepExpired } from '../payments'
import { publicPaymentRequest } from '../payment-view'
import { route } from '../route'
import { issueHandoff } from '../whatsapp/handoff'
import * as schema from '../schemas'
import { eventStream, lastEventIdOf } from '../sse'
import type { ServerState, VisitorRecord } from '../state'

/** The widget's API: a visitor's session token reaches only that visitor's conversation. */
export function visitorHandlers(state: ServerState): HttpHandler[] {
  /**
   * The caller, counted against its session's and its address's rate limits (429 `rate_limited`).
   * Counted before the ids are checked, so probing other conversations costs as much as using one's own.
   */
  const visitorOf = (request: Request) => {
    const visitor = requireVisitor(state, request)
    state.rateLimits.admit(request, visitor.id)
    return visitor
  }
  const ownRequest = (visitor: VisitorRecord, id: string) => {
    const record = paymentRequestById(state, id)
    if (record.conversationId !== visitor.conversationId) {
      throw new ApiFailure(403, 'forbidden', 'This payment request belongs to another conversation.')
    }
    return record
  }

  return [
    route('post', '/v1/sessions', async ({ request }) => {
      // Before the body is read: a flood of new sessions costs the server as little as possible.
      state.rateLimits.admit(request)
      const input = await readBody(request, schema.createSession)
      const brand = brandByWidgetKey(state, input.widgetKey)
      assertOriginAllowed(brand, request)
      const hash = input.visitor?.userHash
      if (hash !== undefined) await verifyIdentity(state, brand.id, input.visitor?.email, hash)
      const { status, body } = startSession(state, input, hash !== undefined)
      return json(body, status)
    }),

    route('post', '/v1/identify', async ({ request }) => {
      const visitor = visitorOf(request)
      const { name, email, userHash } = await readBody(request, schema.identify)
      // A wrong hash changes nothing.
      await verifyIdentity(state, visitor.brandId, email, userHash)
      Object.assign(visitor, { name: name ?? visitor.name, email, verified: true })
      return json({ visitor: { name: visitor.name, email, verified: true } })
    }),

    route('get', '/v1/conversations/:id/messages', ({ request, params }) => {
      const conversation = visitorConversation(state, visitorOf(request), params.id!)
      const query = Object.fromEntries(new URL(request.url).searchParams)
      sweepExpired(state)
      return listMessages(state, conversation.id, parse(schema.page, query))
    }),

    route('post', '/v1/conversations/:id/messages', async ({ request, params }) => {
      const visitor = visitorOf(request)
      const conversation = visitorConversation(state, visitor, params.id!)
      const { clientId, text } = await readBody(request, schema.sendMessage)
      const { message, created } = addMessage(state, conversation.id, {
        author: { role: 'visitor', name: visitor.name },
        text,
        clientId,
      })
      return json(message, created ? 201 : 200)
    }),

    route('get', '/v1/conversations/:id/events', ({ request, params }) => {
      const visitor = visitorOf(request)
      const conversation = visitorConversation(state, visitor, params.id!)
      const signal = state.streamCap.admit(visitor.id, request.signal)
      return eventStream({ signal }, state.events.conversation(conversation.id), lastEventIdOf(request), {
        type: 'replay.incomplete',
        conversationId: conversation.id,
      })
    }),

    route('post', '/v1/conversations/:id/handoff/whatsapp', ({ request, params }) => {
      const conversation = visitorConversation(state, visitorOf(request), params.id!)
      return issueHandoff(state, conversation.id, conversation.brandId)
    }),

    route('get', '/v1/payment-requests/:id', ({ request, params }) =>
      publicPaymentRequest(ownRequest(visitorOf(request), params.id!)),
    ),

    route('post', '/v1/payment-requests/:id/checkout', ({ request, params }) => {
      const visitor = visitorOf(request)
      const record = ownRequest(visitor, params.id!)
      const opener = request.headers.get('origin')
      return openCheckout(state, visitor, record, requireIdempotencyKey(request), opener === null ? null : normalOrigin(opener))
    }),

    route('post', '/v1/payment-requests/:id/decline', ({ request, params }) =>
      declineRequest(state, ownRequest(visitorOf(request), params.id!)),
    ),
  ]
}
