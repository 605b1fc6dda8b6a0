import type { Charge, CheckoutPayResult, CheckoutSessionView, PaymentStoppedCode } from '../protocol/types'
import { ENGLISH, failureText, type CheckoutText } from './text'

/** What the page shows below the order summary, derived only from what the server said. */
export type CheckoutScreen =
  | { kind: 'form'; notice: string | null }
  | { kind: 'paid' }
  | { kind: 'authorized' }
  | { kind: 'card_saved' }
  | { kind: 'unknown'; message: string }
  | { kind: 'closed'; title: string; message: string }

/** The failure code of a card stopped after too many declined attempts. */
const STOPPED: PaymentStoppedCode = 'too_many_attempts'

/** The technical-failure sentence, with the attempt's reference for support when the server gave one. */
export function unknownStatusMessage(reference: string | undefined, { t }: CheckoutText = ENGLISH): string {
  return reference ? t('unknownStatusReference', { reference }) : t('unknownStatus')
}

export function screenFor(view: CheckoutSessionView, text: CheckoutText = ENGLISH): CheckoutScreen {
  const { t } = text
  switch (view.paymentRequestStatus) {
    case 'paid':
      return { kind: 'paid' }
    case 'authorized':
      return { kind: 'authorized' }
    case 'card_saved':
      return { kind: 'card_saved' }
    case 'unknown':
      return { kind: 'unknown', message: unknownStatusMessage(view.failure?.reference, text) }
    case 'voided':
      return closed(t('voidedTitle'), t('voidedMessage'))
    case 'revoked':
      return closed(t('noLongerAvailable'), t('revokedMessage'))
    case 'declined':
      return closed(t('noLongerAvailable'), t('declinedMessage'))
    case 'expired':
      return closed(t('expiredTitle'), t('expiredMessage'))
    case 'pending':
    case 'checkout_open':
    case 'failed':
      // Stopped: no new page either, so not "press Pay now again" but "ask the shop for a new link".
      if (view.failure?.code === STOPPED) return closed(t('noLongerAvailable'), t('stoppedMessage'))
      if (view.status !== 'open') return closed(t('linkExpiredTitle'), t('linkExpiredMessage'))
      return {
        kind: 'form',
        notice: view.paymentRequestStatus === 'failed' && view.failure ? failureText(view.failure, text) : null,
      }
  }
}

/** True while the session takes one more extra payment (a deposit, a fee) on top of the paid price. */
export function takesExtraPayment(view: CheckoutSessionView): boolean {
  return view.paymentStatus === 'paid' && view.extraPaymentsLeft > 0 && view.status !== 'expired'
}

/**
 * The view as it stands after a payment attempt, for when the session cannot be read again: the
 * request inside the result is the newest truth. Extra payments are offered only if they were before.
 */
export function viewAfterPayment(view: CheckoutSessionView, result: CheckoutPayResult): CheckoutSessionView {
  const request = result.paymentRequest
  const price = view.item.price
  const extras = (charges: Charge[]) => charges.filter((charge) => charge.kind === 'extra').length
  const covered = request.status === 'paid' || request.status === 'authorized' || request.status === 'card_saved'
  return {
    ...view,
    status: covered ? 'complete' : view.status,
    paymentStatus:
      view.mode === 'setup' ? view.paymentStatus : request.amountPaid.amount >= price.amount ? 'paid' : 'unpaid',
    paymentRequestStatus: request.status,
    failure: request.failure,
    receipt: request.receipt,
    amountPaid: request.amountPaid,
    amountDue: { amount: Math.max(0, price.amount - request.amountPaid.amount), currency: price.currency },
    charges: request.charges,
    extraPaymentsLeft:
      view.paymentStatus === 'paid' ? Math.max(0, view.extraPaymentsLeft - extras(request.charges) + extras(view.charges)) : 0,
    challenge: result.challenge,
  }
}

function closed(title: string, message: string): CheckoutScreen {
  return { kind: 'closed', title, message }
}

/** After the idle timeout gave the checkout up. */
export function timedOutMessage({ t }: CheckoutText = ENGLISH): string {
  return t('timedOut')
}

/** After the payer cancelled: nothing charged, or what was paid before (it stays paid). */
export function cancelledMessage(view: CheckoutSessionView, { t, money }: CheckoutText = ENGLISH): string {
  return view.charges.length
    ? t('cancelledPartly', { paid: money(view.amountPaid), price: money(view.item.price) })
    : t('cancelledNothing')
}
