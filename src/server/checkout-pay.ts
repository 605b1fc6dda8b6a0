import type { CheckoutPayBody, CheckoutPayResult, ShippingAddress } from '../protocol/types'
import { amountStep, isChargeableAmount, MAX_CARD_PARTS, minimumPart, partSurcharge } from '../i18n/currency'
import { formatMoney } from '../i18n/money'
import { ApiFailure } from './api-error'
import { countDecline, refuseIfStopped } from './checkout-limits'
import { checkoutSession, extraPaymentsLeft, surchargesOf } from './checkout-sessions'
import { chargeAttempt } from './gateway/charge-attempt'
import type { ChargeAttempt } from './gateway/gateway-state'
import { AUTHENTICATION_FAILED, checkCard, issuerAnswer, type IssuerAnswer } from './gateway/test-cards'
import { secretFingerprinter } from './idempotency'
import { newId } from './ids'
import { publicPaymentRequest } from './payment-view'
import type { CheckoutSessionRecord, PaymentRequestRecord, ServerState } from './state'

const refused = (status: number, code: string, message: string, field?: string) => new ApiFailure(status, code, message, field)

/**
 * `POST /v1/checkout/sessions/{id}/pay`: one charge (or hold, or saved card) with a card or the wallet.
 * Everything that can be refused is refused before the gateway is asked, so a refusal charges nothing.
 */
async function payCheckout(state: ServerState, id: string, body: CheckoutPayBody): Promise<CheckoutPayResult> {
  const { session, record } = checkoutSession(state, id)
  refuseIfStopped(state, session, record)
  const { attempt, answer } = planAttempt(state, session, record, body)
  // A new attempt replaces a challenge the payer left unanswered: only the latest one may charge.
  for (const challenge of state.gateway.challenges.values()) if (challenge.checkoutSessionId === id) challenge.done = true
  if (answer.kind === 'challenge') {
    const challenge = { id: newId('chl'), checkoutSessionId: id, attempt, done: false }
    state.gateway.challenges.set(challenge.id, challenge)
    const amount = { amount: attempt.amount + attempt.surcharge, currency: record.price.currency }
    return {
      outcome: 'requires_action',
      message: 'Your bank asks you to confirm this payment.',
      paymentRequest: publicPaymentRequest(record),
      charge: null,
      challenge: { id: challenge.id, ...attempt.card, amount },
    }
  }
  return charged(state, session, record, await chargeAttempt(state, session, record, attempt, answer))
}

/** The payer's answer to the bank's extra step: passing makes the charge, failing declines it. */
export async function completeChallenge(
  state: ServerState,
  id: string,
  challengeId: string,
  result: 'pass' | 'fail',
): Promise<CheckoutPayResult> {
  const { session, record } = checkoutSession(state, id)
  const challenge = state.gateway.challenges.get(challengeId)
  if (!challenge || challenge.checkoutSessionId !== id) throw refused(404, 'not_found', 'No authentication step with that id.')
  if (challenge.done) {
    throw refused(409, 'challenge_done', 'This authentication step is already finished. Start the payment again.')
  }
  challenge.done = true
  // The page may have stayed open while the request moved on (revoked, paid from another tab).
  checkPayable(state, session, record, challenge.attempt)
  const answer: IssuerAnswer = result === 'pass' ? { kind: 'approved' } : { kind: 'declined', failure: AUTHENTICATION_FAILED }
  return charged(state, session, record, await chargeAttempt(state, session, record, challenge.attempt, answer))
}

/** The gateway's answer, once a decline is counted against the page's and the card's limits. */
function charged(state: ServerState, session: CheckoutSessionRecord, record: PaymentRequestRecord, result: CheckoutPayResult): CheckoutPayResult {
  if (result.outcome !== 'failed') return result
  countDecline(state, session, record)
  // The answer shows the card as the decline left it: stopped, when this was the last attempt it takes.
  return { ...result, paymentRequest: publicPaymentRequest(record) }
}

/** Keyed, so the card numbers behind remembered pay keys are not kept in any form that can be reversed. */
const payFingerprint = secretFingerprinter()

/**
 * `pay` under its Idempotency-Key: a retry after a timeout gets the first outcome back instead of being
 * charged again. The same key with other payment details is 422; the CVC is left out of that
 * comparison because it may not be kept in any form once the charge is made.
 */
export function payCheckoutOnce(state: ServerState, id: string, idempotencyKey: string, readBody: () => Promise<CheckoutPayBody>) {
  const fingerprint = (body: CheckoutPayBody) =>
    payFingerprint([
      body.name,
      body.number?.replace(/\D/g, ''),
      body.expMonth,
      body.expYear,
      body.walletToken,
      body.shippingAddress,
      body.amount,
      body.extra,
      body.approvedSurcharge,
    ])
  return oncePerKey(state, id, idempotencyKey, readBody, fingerprint, (body) => payCheckout(state, id, body))
}

/** The answer to the bank's step under an Idempotency-Key: sent again, it gets the first answer back. */
export function completeChallengeOnce(
  state: ServerState,
  id: string,
  challengeId: string,
  idempotencyKey: string,
  readBody: () => Promise<{ result: 'pass' | 'fail' }>,
) {
  return oncePerKey(state, id, idempotencyKey, readBody, ({ result }) => `${challengeId} ${result}`, ({ result }) => completeChallenge(state, id, challengeId, result))
}

/**
 * A paying call made once per Idempotency-Key. The key is claimed before the body is read, so a
 * duplicate sent while the first is still under way is 409 `idempotency_in_progress`. Keys belong to
 * their checkout session, the page's only credential, so one page cannot block or probe another's.
 */
async function oncePerKey<B>(
  state: ServerState,
  id: string,
  idempotencyKey: string,
  readBody: () => Promise<B>,
  fingerprint: (body: B) => string | Promise<string>,
  run: (body: B) => Promise<CheckoutPayResult>,
): Promise<CheckoutPayResult> {
  const claim = state.idempotency.pay.begin(`${id} ${idempotencyKey}`)
  try {
    const body = await readBody()
    return await claim.completeAsync(await fingerprint(body), () => run(body))
  } finally {
    claim.release()
  }
}

/** What this call would charge, on which card, and what the issuer answers; throws what is refused. */
function planAttempt(
  state: ServerState,
  session: CheckoutSessionRecord,
  record: PaymentRequestRecord,
  body: CheckoutPayBody,
): { attempt: ChargeAttempt; answer: IssuerAnswer } {
  const currency = record.price.currency
  if (body.extra && body.amount !== undefined) {
    throw refused(400, 'validation_failed', 'Give either amount (part of the price) or extra (a further payment), not both.', 'amount')
  }
  let amount: number
  if (body.extra) {
    if (!isChargeableAmount(body.extra.amount, currency)) throw amountInvalid('extra.amount', currency)
    amount = body.extra.amount
  } else {
    // A closed request or page says so before any amount is judged against a balance it no longer has.
    checkOpen(session, record)
    amount = balanceDue(session, record)
    if (body.amount !== undefined) {
      if (session.mode !== 'payment' || record.transactionType !== 'sale') {
        throw refused(422, 'split_not_allowed', 'This payment cannot be split across cards: pay the whole amount.', 'amount')
      }
      if (!isChargeableAmount(body.amount, currency)) throw amountInvalid('amount', currency)
      if (body.amount > amount) {
        throw refused(422, 'amount_too_large', `At most ${formatMoney({ amount, currency }, 'en')} is left to pay.`, 'amount')
      }
      if (body.amount < amount) checkPart(record, body.amount, amount)
      amount = body.amount
    }
  }

  const { card, method, answer } = paymentMethod(state, session, body)
  const basisPoints = surchargesOf(state, record.brandId)[card.cardBrand] ?? 0
  // An extra payment is a payment of its own; a part of the price is surcharged with the brand's other parts.
  const earlier = body.extra ? [] : record.charges
  const surcharge = session.mode === 'setup' || basisPoints <= 0 ? 0 : partSurcharge(amount, earlier, card.cardBrand, currency, basisPoints)
  if ((body.approvedSurcharge ?? 0) !== surcharge) {
    const fee = formatMoney({ amount: surcharge, currency }, 'en')
    throw refused(
      422,
      'surcharge_not_approved',
      surcharge > 0
        ? `This card carries a surcharge of ${fee}: approve the new total (approvedSurcharge ${surcharge}) to pay.`
        : 'This card carries no surcharge: send approvedSurcharge 0 or leave it out.',
      'approvedSurcharge',
    )
  }
  const attempt: ChargeAttempt = {
    kind: body.extra ? 'extra' : 'balance',
    label: body.extra?.label ?? null,
    amount,
    surcharge,
    method,
    card,
  }
  checkPayable(state, session, record, attempt)
  return { attempt, answer }
}

/**
 * Throws why `part` of the `due` balance cannot go on one card: the price is split across 5 cards at
 * most, and every part but the one paying the rest is at least one major unit of the currency.
 */
function checkPart(record: PaymentRequestRecord, part: number, due: number): void {
  const currency = record.price.currency
  const money = (amount: number) => formatMoney({ amount, currency }, 'en')
  if (record.charges.filter((charge) => charge.kind === 'balance').length >= MAX_CARD_PARTS - 1) {
    throw refused(422, 'too_many_parts', `At most ${MAX_CARD_PARTS} cards can pay one price: pay the remaining ${money(due)} with this card.`, 'amount')
  }
  if (part < minimumPart(currency)) {
    throw refused(422, 'amount_too_small', `Each card but the one paying the rest pays at least ${money(minimumPart(currency))}.`, 'amount')
  }
}

/** Throws why the price cannot be paid here at all, whatever the amount: the request moved on, or the session ended. */
function checkOpen(session: CheckoutSessionRecord, record: PaymentRequestRecord): void {
  if (record.status === 'unknown') {
    throw refused(409, 'payment_status_unknown', 'The status of the last payment is unknown. Do not pay again until it is confirmed.')
  }
  // `pending`: the payer cancelled this page (the card went back to before Pay now); the session
  // check below says so, where a 409 would wrongly tell the page the card itself is closed.
  if (!['pending', 'checkout_open', 'failed'].includes(record.status)) {
    throw refused(409, 'invalid_state', `This payment is no longer payable: it is ${record.status.replace('_', ' ')}.`)
  }
  if (session.status === 'complete') throw refused(409, 'checkout_complete', 'This checkout is already complete.')
  if (session.status !== 'open' || record.checkoutSessionId !== session.id) {
    throw refused(422, 'checkout_expired', 'This checkout page has expired. Go back to the chat and press Pay now again.')
  }
}

/** What is left of the price in this session: earlier sessions' payments and this one's charges count. */
function balanceDue(session: CheckoutSessionRecord, record: PaymentRequestRecord): number {
  if (session.mode === 'setup') return 0
  return Math.max(0, record.price.amount - session.paidBefore - session.charged)
}

/** Throws why the attempt cannot be charged now: the request moved on, or the session ended. */
function checkPayable(state: ServerState, session: CheckoutSessionRecord, record: PaymentRequestRecord, attempt: ChargeAttempt): void {
  if (attempt.kind === 'extra') {
    if (extraPaymentsLeft(state, session, record) > 0) return
    throw refused(
      422,
      'extra_not_allowed',
      record.status === 'paid'
        ? 'This checkout takes no further payments.'
        : 'Extra payments are possible once the price is paid, on the same checkout page.',
      'extra',
    )
  }
  checkOpen(session, record)
  if (session.mode !== 'setup' && attempt.amount > balanceDue(session, record)) {
    throw refused(422, 'amount_too_large', 'The amount is more than is left to pay.', 'amount')
  }
}

/** The card the payer typed, or the wallet's stored card: only brand and last 4 go further than here. */
function paymentMethod(
  state: ServerState,
  session: CheckoutSessionRecord,
  body: CheckoutPayBody,
): { card: ChargeAttempt['card']; method: ChargeAttempt['method']; answer: IssuerAnswer } {
  if (body.walletToken !== undefined) {
    const wallet = state.gateway.wallets.get(body.walletToken)
    if (!wallet || wallet.checkoutSessionId !== session.id) {
      throw refused(422, 'wallet_invalid', 'The wallet sign-in has ended. Sign in to the wallet again.', 'walletToken')
    }
    const address = body.shippingAddress
    if (address && !wallet.addresses.some((held) => sameAddress(held, address))) {
      throw refused(422, 'address_unknown', 'Choose one of the addresses your wallet holds.', 'shippingAddress')
    }
    return { card: wallet.card, method: 'wallet', answer: { kind: 'approved' } }
  }
  const missing = (['name', 'number', 'expMonth', 'expYear', 'cvc'] as const).find((field) => body[field] === undefined)
  if (missing) throw refused(400, 'validation_failed', `${missing}: give the card's ${missing}, or pay with walletToken.`, missing)
  const checked = checkCard(body as Required<CheckoutPayBody>, new Date(state.clock.now()))
  return { card: { cardBrand: checked.brand, last4: checked.last4 }, method: 'card', answer: issuerAnswer(checked.digits) }
}

function sameAddress(a: ShippingAddress, b: ShippingAddress): boolean {
  return a.line1 === b.line1 && a.city === b.city && a.postalCode === b.postalCode && a.country === b.country
}

function amountInvalid(field: string, currency: string): ApiFailure {
  const ending = amountStep(currency) > 1 ? ` ending in ${String(amountStep(currency)).slice(1)}` : ''
  return refused(400, 'validation_failed', `${field}: must be a positive whole number of minor units of ${currency}${ending}.`, field)
}
