import { useEffect, useState } from 'preact/hooks'
import type { CheckoutPayBody, CheckoutSessionView } from '../protocol/types'
import { formatMoney } from '../i18n/money'
import { safeAccent, textColorOn } from './accent'
import { formFieldOf } from './card/pay-body'
import { CardForm, type PayAttempt } from './card-form'
import { CheckoutApiError, type CheckoutApi } from './checkout-api'
import type { CheckoutHost } from './host'
import { LOCALE } from './locale'
import { OrderSummary } from './order-summary'
import { OutcomePanel } from './outcome-panel'
import { Receipt } from './receipt'
import { screenFor, UNKNOWN_STATUS_MESSAGE, viewAfterPayment, type CheckoutScreen } from './screen'

interface CheckoutPageProps {
  /** From the URL; null when the link has no id. */
  sessionId: string | null
  api: CheckoutApi
  host: CheckoutHost
}

type Loaded = { kind: 'loading' } | { kind: 'unavailable'; message: string } | { kind: 'ready'; view: CheckoutSessionView }

/** When a payment call broke off and the server could not be asked afterwards: paying again might pay twice. */
const UNCONFIRMED: CheckoutScreen = {
  kind: 'closed',
  title: 'We could not confirm your payment.',
  message: 'Do not pay again until the chat shows the result of this payment.',
}

export function CheckoutPage({ sessionId, api, host }: CheckoutPageProps) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' })
  const [notice, setNotice] = useState<string | null>(null)
  const [unconfirmed, setUnconfirmed] = useState(false)

  useEffect(() => {
    if (!sessionId) return setLoaded({ kind: 'unavailable', message: 'This checkout link is incomplete.' })
    let current = true
    api.getSession(sessionId).then(
      (view) => current && setLoaded({ kind: 'ready', view }),
      (error: unknown) => current && setLoaded({ kind: 'unavailable', message: unavailableMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [sessionId, api])

  useEffect(() => {
    if (loaded.kind === 'ready') document.title = `${loaded.view.item.title} · ${loaded.view.brand.name}`
  }, [loaded])

  if (loaded.kind !== 'ready' || !sessionId) {
    return (
      <main class="checkout checkout-plain">
        {loaded.kind === 'unavailable' ? (
          <>
            <h1>Checkout unavailable</h1>
            <p>{loaded.message}</p>
          </>
        ) : (
          <p role="status">Loading checkout…</p>
        )}
      </main>
    )
  }

  const { view } = loaded
  const id = sessionId

  async function pay(body: CheckoutPayBody): Promise<PayAttempt> {
    setNotice(null)
    try {
      const result = await api.pay(id, body)
      host.notifyOpener(result.paymentRequest.id)
      setLoaded({ kind: 'ready', view: viewAfterPayment(view, result) })
      if (result.outcome !== 'failed') return { kind: 'settled' }
      setNotice(result.message)
      return { kind: 'failed' }
    } catch (error) {
      if (!(error instanceof CheckoutApiError)) throw error
      const field = error.status === 400 ? formFieldOf(error.field) : null
      if (field) return { kind: 'field_error', field, message: error.message }
      await settleAfter(error)
      return { kind: 'settled' }
    }
  }

  /** A 409, 422 or a broken connection: the request may have moved on, so the server says where it stands. */
  async function settleAfter(error: CheckoutApiError) {
    if (error.status === 400) return setNotice(error.message)
    const fresh = await api.getSession(id).catch(() => null)
    if (!fresh) {
      // A lost answer to a payment call may still have charged the card: no second try from here.
      if (error.code === 'network_error') setUnconfirmed(true)
      else setNotice(error.message)
      return
    }
    if (fresh.paymentRequestStatus !== view.paymentRequestStatus) host.notifyOpener(fresh.paymentRequestId)
    setLoaded({ kind: 'ready', view: fresh })
    if (screenFor(fresh).kind === 'form') setNotice(error.message)
  }

  const screen = unconfirmed ? UNCONFIRMED : screenFor(view)
  const accent = safeAccent(view.brand.color)
  const amount = formatMoney(view.item.price, LOCALE)
  return (
    // Custom properties set through the CSSOM, which a CSP without 'unsafe-inline' allows.
    <div class="checkout" style={{ '--accent': accent, '--on-accent': textColorOn(accent) }}>
      <header class="brand-bar">
        <span class="brand-name">{view.brand.name}</span>
      </header>
      <main class="checkout-body">
        <OrderSummary view={view} />
        {screen.kind === 'form' && (
          <CardForm payLabel={`Pay ${amount}`} notice={notice ?? screen.notice} now={host.now} onPay={pay} />
        )}
        {screen.kind === 'paid' && (
          <OutcomePanel tone="success" heading="Payment complete" onClose={host.close}>
            {screen.receipt && <Receipt receipt={screen.receipt} price={view.item.price} />}
            <p>The chat shows this payment too. You can close this window.</p>
          </OutcomePanel>
        )}
        {screen.kind === 'unknown' && (
          <OutcomePanel tone="warning" heading={UNKNOWN_STATUS_MESSAGE} onClose={host.close}>
            <p>The bank has not confirmed this payment yet. The chat will show the result as soon as it is known.</p>
          </OutcomePanel>
        )}
        {screen.kind === 'closed' && (
          <OutcomePanel tone="neutral" heading={screen.title} onClose={host.close}>
            <p>{screen.message}</p>
          </OutcomePanel>
        )}
      </main>
      <footer class="checkout-footer">Paychat test checkout: no real card is ever charged.</footer>
    </div>
  )
}

function unavailableMessage(error: unknown): string {
  if (error instanceof CheckoutApiError && error.status === 404) return 'This checkout link is not valid.'
  return error instanceof Error ? error.message : 'The checkout could not be loaded.'
}
