import { useEffect, useState } from 'preact/hooks'
import type {
  CheckoutPayResult,
  CheckoutSessionView,
  ShippingAddress,
  WalletSignIn,
} from '../protocol/types'
import { safeAccent, textColorOn } from './accent'
import { ApprovedPanel } from './approved-panel'
import { sendAttempt } from './attempt'
import { ChallengeStep } from './challenge-step'
import { CheckoutApiError, type CancelReason, type CheckoutApi } from './checkout-api'
import { ExtraPayments } from './extra-payments'
import type { CheckoutHost } from './host'
import { useIdleTimeout } from './idle-timeout'
import { OrderSummary } from './order-summary'
import { OutcomePanel } from './outcome-panel'
import { formFieldOf } from './pay-field'
import { PayForm, type PayAttempt } from './pay-form'
import {
  cancelledMessage,
  screenFor,
  takesExtraPayment,
  timedOutMessage,
  viewAfterPayment,
  type CheckoutScreen,
} from './screen'
import { apiErrorText, ENGLISH, failureText, type CheckoutText } from './text'
import { WalletSignInForm } from './wallet-sign-in'

interface CheckoutPageProps {
  /** From the URL; null when the link has no id. */
  sessionId: string | null
  api: CheckoutApi
  host: CheckoutHost
  /** The payer's language (main.tsx chooses and loads it); English when left out. */
  text?: CheckoutText
}

type Loaded = { kind: 'loading' } | { kind: 'unavailable'; message: string } | { kind: 'ready'; view: CheckoutSessionView }

/** How the payer pays: a card, the wallet's sign-in, or the wallet signed in to (then fixed). */
type Method =
  | { kind: 'card' }
  | { kind: 'wallet_sign_in' }
  | { kind: 'wallet'; account: WalletSignIn; address: ShippingAddress }

/** When a payment call broke off and the server could not be asked afterwards: paying again might pay twice. */
const unconfirmedScreen = ({ t }: CheckoutText): CheckoutScreen => ({
  kind: 'closed',
  title: t('unconfirmedTitle'),
  message: t('unconfirmedMessage'),
})

const SETTLED: PayAttempt = { kind: 'settled' }

/** Refusals of how a price is split: the amount typed, said at its field. */
const SPLIT_REFUSALS = ['amount_too_small', 'too_many_parts']

export function CheckoutPage({ sessionId, api, host, text = ENGLISH }: CheckoutPageProps) {
  const { t } = text
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' })
  const [notice, setNotice] = useState<string | null>(null)
  const [declines, setDeclines] = useState(0)
  const [unconfirmed, setUnconfirmed] = useState(false)
  const [method, setMethod] = useState<Method>({ kind: 'card' })
  // Set once the page gave the checkout up: the server's view then says "expired", this says why.
  const [ended, setEnded] = useState<CancelReason | null>(null)

  const screen = loaded.kind !== 'ready' ? null : unconfirmed ? unconfirmedScreen(text) : screenFor(loaded.view, text)
  // Called before the early return (hooks keep their order); it only runs while a form is shown, in a
  // render that got past that return, so `cancel` then sees the loaded view.
  const touch = useIdleTimeout(host, !ended && screen?.kind === 'form', () => void cancel('timeout'))

  useEffect(() => {
    if (!sessionId) return setLoaded({ kind: 'unavailable', message: t('linkIncomplete') })
    let current = true
    api.getSession(sessionId).then(
      (view) => current && setLoaded({ kind: 'ready', view }),
      (error: unknown) => current && setLoaded({ kind: 'unavailable', message: unavailableMessage(error, text) }),
    )
    return () => {
      current = false
    }
  }, [sessionId, api])

  useEffect(() => {
    if (loaded.kind === 'ready') document.title = `${loaded.view.item.title} · ${loaded.view.brand.name}`
  }, [loaded])

  if (loaded.kind !== 'ready' || !sessionId || !screen) {
    return (
      <main class="checkout checkout-plain">
        {loaded.kind === 'unavailable' ? (
          <>
            <h1>{t('unavailableTitle')}</h1>
            <p>{loaded.message}</p>
          </>
        ) : (
          <p role="status">{t('loading')}</p>
        )}
      </main>
    )
  }

  const { view } = loaded
  const id = sessionId
  const currency = view.item.price.currency

  /** Any answer that reached the server's decision: a payment, or the bank step's result. */
  async function settle(result: CheckoutPayResult): Promise<PayAttempt> {
    host.notifyOpener(result.paymentRequest.id, view.openerOrigin)
    // The session says more than the result (balance, charges, extra payments left, a bank step).
    const fresh = await api.getSession(id).catch(() => viewAfterPayment(view, result))
    setLoaded({ kind: 'ready', view: fresh })
    if (result.outcome === 'failed') {
      setNotice(failureText({ code: result.paymentRequest.failure?.code ?? '', message: result.message }, text))
      setDeclines((n) => n + 1)
    }
    return SETTLED
  }

  /** One payment attempt (a pay, or the answer to the bank's step) under its key, and what the page makes of its answer. */
  async function attempt(send: (idempotencyKey: string) => Promise<CheckoutPayResult>): Promise<PayAttempt> {
    setNotice(null)
    try {
      return await settle(await sendAttempt(send, host))
    } catch (error) {
      if (!(error instanceof CheckoutApiError)) throw error
      // What was typed is refused, and nothing else changed: said at the field.
      const field = error.status === 400 || SPLIT_REFUSALS.includes(error.code) ? formFieldOf(error.field) : null
      if (field) return { kind: 'field_error', field, message: apiErrorText(error, text, currency) }
      await settleAfter(error)
      return SETTLED
    }
  }

  /** A 409, 422, 429 or a broken connection: the request may have moved on, so the server says where it stands. */
  async function settleAfter(error: CheckoutApiError) {
    if (error.status === 400) return setNotice(apiErrorText(error, text, currency))
    const fresh = await api.getSession(id).catch(() => null)
    if (!fresh) {
      // A lost answer to a payment call may still have charged the card: no second try from here.
      if (error.code === 'network_error') setUnconfirmed(true)
      else setNotice(apiErrorText(error, text, currency))
      return
    }
    if (fresh.paymentRequestStatus !== view.paymentRequestStatus) host.notifyOpener(fresh.paymentRequestId, fresh.openerOrigin)
    setLoaded({ kind: 'ready', view: fresh })
    if (screenFor(fresh).kind === 'form' || takesExtraPayment(fresh)) setNotice(apiErrorText(error, text, currency))
  }

  async function cancel(reason: CancelReason) {
    try {
      const fresh = await api.cancel(id, reason)
      host.notifyOpener(fresh.paymentRequestId, fresh.openerOrigin)
      setLoaded({ kind: 'ready', view: fresh })
      setEnded(reason)
    } catch (error) {
      // A page left alone gives up anyway: the session runs out on the server by itself.
      if (reason === 'timeout') return setEnded(reason)
      if (!(error instanceof CheckoutApiError)) throw error
      await settleAfter(error)
    }
  }

  async function signIn(credentials: { email: string; password: string }): Promise<string | null> {
    try {
      const account = await api.walletSignIn(id, credentials)
      setMethod({ kind: 'wallet', account, address: account.shippingAddress })
      return null
    } catch (error) {
      if (!(error instanceof CheckoutApiError)) throw error
      return apiErrorText(error, text)
    }
  }

  /** The way to pay the balance or an extra payment; `onCancel` is what Cancel means there. */
  function paymentArea(extra: boolean, onCancel: () => void) {
    if (method.kind === 'wallet_sign_in') return <WalletSignInForm text={text} onSignIn={signIn} onCancel={onCancel} />
    const wallet =
      method.kind === 'wallet'
        ? {
            account: method.account,
            address: method.address,
            onAddress: (address: ShippingAddress) => setMethod({ ...method, address }),
          }
        : null
    return (
      <PayForm
        // A new charge means a new card for what is left: the form starts empty again.
        key={view.charges.length}
        view={view}
        text={text}
        extra={extra}
        wallet={wallet}
        onChooseWallet={
          view.wallet && method.kind === 'card' && view.mode !== 'setup' ? () => setMethod({ kind: 'wallet_sign_in' }) : null
        }
        notice={notice ?? (screen?.kind === 'form' ? screen.notice : null)}
        declines={declines}
        now={host.now}
        onPay={(body) => attempt((key) => api.pay(id, body, key))}
        onCancel={onCancel}
      />
    )
  }

  const challenge = !ended && !unconfirmed ? view.challenge : null
  const accent = safeAccent(view.brand.color)
  return (
    // Custom properties set through the CSSOM, which a CSP without 'unsafe-inline' allows.
    // Any input, click or key counts as the payer still being there (see useIdleTimeout).
    <div
      class="checkout"
      style={{ '--accent': accent, '--on-accent': textColorOn(accent) }}
      onInput={touch}
      onKeyDown={touch}
      onPointerDown={touch}
      onClick={touch}
    >
      <header class="brand-bar">
        <span class="brand-name">{view.brand.name}</span>
      </header>
      <main class="checkout-body">
        <OrderSummary view={view} text={text} />
        {challenge && (
          <ChallengeStep
            challenge={challenge}
            text={text}
            onAnswer={(result) => attempt((key) => api.completeChallenge(id, challenge.id, result, key))}
            onCancel={() => void cancel('payer')}
          />
        )}
        {/* Hidden, not unmounted, during the bank's step: a failed step returns to the card as it was typed. */}
        <div hidden={challenge !== null}>
          {ended ? (
            <OutcomePanel
              tone="neutral"
              text={text}
              heading={ended === 'timeout' ? timedOutMessage(text) : cancelledMessage(view, text)}
              onClose={host.close}
            />
          ) : (
            <>
              {screen.kind === 'form' && paymentArea(false, () => void cancel('payer'))}
              {(screen.kind === 'paid' || screen.kind === 'authorized' || screen.kind === 'card_saved') && (
                <ApprovedPanel view={view} text={text} kind={screen.kind} onClose={host.close}>
                  {takesExtraPayment(view) && (
                    <ExtraPayments left={view.extraPaymentsLeft} text={text}>
                      {(close) => paymentArea(true, close)}
                    </ExtraPayments>
                  )}
                </ApprovedPanel>
              )}
              {screen.kind === 'unknown' && (
                <OutcomePanel tone="warning" text={text} heading={screen.message} onClose={host.close}>
                  <p>{t('unknownStatusNote')}</p>
                </OutcomePanel>
              )}
              {screen.kind === 'closed' && (
                <OutcomePanel tone="neutral" text={text} heading={screen.title} onClose={host.close}>
                  <p>{screen.message}</p>
                </OutcomePanel>
              )}
            </>
          )}
        </div>
      </main>
      <footer class="checkout-footer">{t('footer')}</footer>
    </div>
  )
}

function unavailableMessage(error: unknown, text: CheckoutText): string {
  if (error instanceof CheckoutApiError) return error.status === 404 ? text.t('linkInvalid') : apiErrorText(error, text)
  return error instanceof Error ? error.message : text.t('loadFailed')
}
