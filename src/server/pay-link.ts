import { PAGE_HEADERS } from './page-headers'
import { STOPPED_FAILURE } from './payment-stop'
import { checkoutUrlOf, ensureCheckoutSession, sweepExpired } from './payments'
import type { PaymentRequestRecord, ServerState } from './state'

/** Why a pay link leads nowhere, said to the customer who tapped it. */
const CLOSED: Partial<Record<PaymentRequestRecord['status'], string>> = {
  paid: 'This payment request has already been paid. Thank you!',
  declined: 'This payment request was cancelled.',
  revoked: 'This payment request was withdrawn by the business.',
  expired: 'This payment request has expired. Ask us in the chat for a new one.',
  unknown: 'The status of the last payment is unknown. Do not pay again: contact us in the chat.',
}

const PAYABLE: PaymentRequestRecord['status'][] = ['pending', 'checkout_open', 'failed']

/** Done on the checkout page, which says what was done: charged, held (or released), or the card saved. */
const SHOWN_ON_PAGE: PaymentRequestRecord['status'][] = ['paid', 'authorized', 'voided', 'card_saved']

/**
 * `GET /pay/<token>`, the link a WhatsApp button opens: to the card's open checkout session (made when
 * needed, so the link keeps working after a session expires), or to its last one once it is settled
 * there (the page shows the receipt, the hold or the saved card).
 */
export function followPayLink(state: ServerState, token: string): Response {
  sweepExpired(state)
  const record = [...state.paymentRequests.values()].find((r) => r.payLinkToken === token)
  if (!record) return page(404, 'This payment link is not valid.')
  if (record.stopped && PAYABLE.includes(record.status)) return page(410, STOPPED_FAILURE.message)
  if (PAYABLE.includes(record.status)) {
    return redirect(ensureCheckoutSession(state, record).checkoutUrl)
  }
  if (SHOWN_ON_PAGE.includes(record.status) && record.checkoutSessionId) {
    return redirect(checkoutUrlOf(state, record.checkoutSessionId))
  }
  return page(410, CLOSED[record.status] ?? 'This payment request can no longer be paid.')
}

/** The link and the checkout share one policy: what leads to someone's payment is secret and never stored. */
function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location, ...PAGE_HEADERS.checkout } })
}

// No inline style: the page runs under the checkout's policy, which allows none.
function page(status: number, sentence: string): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Payment link</title><p>${sentence}</p></html>`
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...PAGE_HEADERS.checkout } })
}
