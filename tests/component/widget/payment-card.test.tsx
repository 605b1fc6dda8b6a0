import { fireEvent, render, screen } from '@testing-library/preact'
import { describe, expect, test, vi } from 'vitest'
import { translator, type Locale } from '../../../src/i18n/translate'
import type { PaymentRequest, PaymentRequestStatus } from '../../../src/protocol/types'
import { PaymentCard, type PaymentCardProps } from '../../../src/widget/payment-card'
import { STATUSES } from '../../unit/properties/arbitraries'
import { charge, paymentRequest } from './fixtures'

function renderCard(request: Partial<PaymentRequest> = {}, props: Partial<PaymentCardProps> & { locale?: Locale } = {}) {
  const locale = props.locale ?? 'en'
  const onPay = vi.fn()
  const onCancel = vi.fn()
  const result = render(
    <PaymentCard
      request={paymentRequest(request)}
      locale={locale}
      t={translator(locale)}
      brandName="Acme Coffee"
      busy={false}
      error={null}
      blockedUrl={null}
      onPay={onPay}
      onCancel={onCancel}
      {...props}
    />,
  )
  return { ...result, onPay, onCancel }
}

const visa = { cardBrand: 'visa', last4: '4242', reference: 'ch_3Kx9', paidAt: '2025-01-01T12:00:30.000Z' }
const buttonNames = () => screen.queryAllByRole('button').map((b) => b.textContent)
/** The card's own state line (the polite region may hold a progress or subscription line after it). */
const statusLine = () => screen.getByRole('status').querySelector('.pc-card-status')?.textContent

describe('PaymentCard in each status', () => {
  const cases: Array<{ status: PaymentRequestStatus; over?: Partial<PaymentRequest>; line: string; buttons: string[] }> = [
    { status: 'pending', line: 'Waiting for your payment', buttons: ['Pay now', 'Cancel'] },
    { status: 'checkout_open', line: 'Checkout open in another window', buttons: ['Reopen checkout', 'Cancel'] },
    {
      status: 'failed',
      over: { failure: { code: 'card_declined', message: 'Your card was declined.' } },
      line: 'Payment failed: Your card was declined.',
      buttons: ['Pay now', 'Cancel'],
    },
    {
      status: 'paid',
      over: { receipt: { cardBrand: 'visa', last4: '4242', reference: 'ch_3Kx9', paidAt: '2025-01-01T12:00:30.000Z' } },
      line: 'Paid with Visa •••• 4242',
      buttons: [],
    },
    { status: 'unknown', line: 'We’re confirming the payment status. Don’t pay again.', buttons: [] },
    { status: 'declined', line: 'You cancelled this payment.', buttons: [] },
    { status: 'revoked', line: 'Withdrawn by Acme Coffee', buttons: [] },
    { status: 'expired', line: 'This payment request expired.', buttons: [] },
    {
      status: 'authorized',
      over: { transactionType: 'authorize', receipt: visa, charges: [charge(2450)] },
      line: '$24.50 held on Visa •••• 4242 — the seller will charge it later',
      buttons: [],
    },
    { status: 'voided', over: { transactionType: 'authorize' }, line: 'Hold released — nothing was charged', buttons: [] },
    {
      status: 'card_saved',
      over: { transactionType: 'save_card', savedCard: { token: 'pm_1', cardBrand: 'visa', last4: '4242' } },
      line: 'Card saved: Visa •••• 4242',
      buttons: [],
    },
  ]

  test('the table covers every status', () => {
    expect(cases.map((c) => c.status).sort()).toEqual([...STATUSES].sort())
  })

  test.each(cases)('$status: says "$line" and offers exactly $buttons', ({ status, over, line, buttons }) => {
    renderCard({ status, ...over })
    expect(statusLine()).toBe(line)
    expect(buttonNames()).toEqual(buttons)
  })

  test('paid shows the receipt reference', () => {
    renderCard({ status: 'paid', receipt: { cardBrand: 'visa', last4: '4242', reference: 'ch_3Kx9', paidAt: '2025-01-01T12:00:30.000Z' } })
    expect(screen.getByText('Reference ch_3Kx9')).toBeTruthy()
  })

  test('paid with a brand the widget does not name says "card"', () => {
    renderCard({ status: 'paid', receipt: { cardBrand: 'unknown', last4: '0005', reference: 'ch_1', paidAt: '2025-01-01T12:00:30.000Z' } })
    expect(statusLine()).toBe('Paid with card •••• 0005')
  })

  test('the unnamed-brand fallback is translated too', () => {
    renderCard({ status: 'paid', receipt: { cardBrand: 'unknown', last4: '0005', reference: 'ch_1', paidAt: '2025-01-01T12:00:30.000Z' } }, { locale: 'ja' })
    expect(statusLine()).toBe('カード •••• 0005 で支払い済み')
  })

  test('only paid cards show a reference line', () => {
    renderCard({ status: 'pending', receipt: { cardBrand: 'visa', last4: '4242', reference: 'ch_old', paidAt: '2025-01-01T12:00:30.000Z' } })
    expect(screen.queryByText(/ch_old/)).toBeNull()
  })

  test.each<[Locale, string]>([
    ['en', 'Payment stopped: too many declined attempts. Acme Coffee can send a new link.'],
    ['ja', '拒否が多いため支払いを停止しました。Acme Coffeeが新しいリンクを送れます。'],
  ])('a card stopped after too many declined attempts says so (%s) and offers neither Pay now nor Cancel', (locale, line) => {
    const stopped = { code: 'too_many_attempts', message: 'This payment was stopped after too many declined attempts.' }
    renderCard({ status: 'failed', failure: stopped }, { locale })
    expect(statusLine()).toBe(line)
    expect(buttonNames()).toEqual([])
  })

  test('the status line follows the locale', () => {
    renderCard({ status: 'revoked' }, { locale: 'ja' })
    expect(statusLine()).toBe('Acme Coffee により取り消されました')
    expect(buttonNames()).toEqual([])
  })

  test('Pay now and Cancel call their handlers', () => {
    const { onPay, onCancel } = renderCard()
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }))
    expect(onPay).toHaveBeenCalledTimes(1)
    expect(onCancel).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledTimes(1)
  })
})

describe('PaymentCard content', () => {
  test('is an article named by its title', () => {
    renderCard()
    expect(screen.getByRole('article', { name: 'House blend, 1 kg' })).toBeTruthy()
    expect(screen.getByText('Whole beans, medium roast.')).toBeTruthy()
  })

  test('formats a USD amount', () => {
    renderCard({ price: { amount: 2450, currency: 'USD' } })
    expect(screen.getByText('$24.50')).toBeTruthy()
  })

  test('formats a JPY amount in Japanese without decimals', () => {
    renderCard({ price: { amount: 3200, currency: 'JPY' } }, { locale: 'ja' })
    expect(screen.getByText('￥3,200')).toBeTruthy()
    expect(screen.getByRole('button', { name: '今すぐ支払う' })).toBeTruthy()
  })

  test('a recurring card shows how often it charges', () => {
    renderCard({ billing: { type: 'recurring', interval: 'month', intervalCount: 2 } })
    expect(screen.getByText(/every 2 months/)).toBeTruthy()
  })

  test('a one-time card shows no recurrence', () => {
    const { container } = renderCard({ billing: { type: 'one_time' } })
    expect(container.querySelector('.pc-card-recurrence')).toBeNull()
    expect(screen.queryByText(/every/)).toBeNull()
  })

  test('busy disables both buttons and marks the card busy', () => {
    const { onPay } = renderCard({ status: 'pending' }, { busy: true })
    const buttons = screen.getAllByRole('button') as HTMLButtonElement[]
    expect(buttons.map((b) => b.disabled)).toEqual([true, true])
    expect(screen.getByRole('article').getAttribute('aria-busy')).toBe('true')
    fireEvent.click(screen.getByRole('button', { name: 'Pay now' }))
    expect(onPay).not.toHaveBeenCalled()
  })

  test('not busy leaves the buttons enabled', () => {
    renderCard({ status: 'pending' })
    expect((screen.getAllByRole('button') as HTMLButtonElement[]).map((b) => b.disabled)).toEqual([false, false])
  })

  test('an error is announced as an alert', () => {
    renderCard({}, { error: 'The payment page could not be opened. Please try again.' })
    expect(screen.getByRole('alert').textContent).toBe('The payment page could not be opened. Please try again.')
  })

  test('no error, no alert', () => {
    renderCard()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  test('a blocked popup offers the checkout as a link that opens safely in a new tab', () => {
    renderCard({}, { blockedUrl: 'http://paychat.test/checkout/cs_1' })
    expect(screen.getByText(/Your browser blocked the checkout window/)).toBeTruthy()
    const link = screen.getByRole('link', { name: 'Open checkout' })
    expect(link.getAttribute('href')).toBe('http://paychat.test/checkout/cs_1')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
  })

  test('a card that can no longer be paid does not offer the blocked checkout link', () => {
    renderCard({ status: 'declined' }, { blockedUrl: 'http://paychat.test/checkout/cs_1' })
    expect(screen.queryByRole('link')).toBeNull()
  })

  test('HTML in the title and description is shown as text, never parsed', () => {
    const html = '<img src=x onerror=alert(1)>'
    const { container } = renderCard({ title: html, description: `<b>${html}</b>` })
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('b')).toBeNull()
    expect(screen.getByRole('heading').textContent).toBe(html)
    expect(screen.getByText(`<b>${html}</b>`)).toBeTruthy()
  })
})

describe('PaymentCard by transaction type', () => {
  test('an authorization says the amount will be held, before the visitor pays', () => {
    renderCard({ transactionType: 'authorize' })
    expect(screen.getByText('Authorization: $24.50 will be held on your card')).toBeTruthy()
    expect(buttonNames()).toEqual(['Pay now', 'Cancel'])
  })

  test('saving a card says nothing is charged now, and its button reads "Save card"', () => {
    renderCard({ transactionType: 'save_card' })
    expect(screen.getByText('Save a card for later payments; nothing is charged now')).toBeTruthy()
    expect(buttonNames()).toEqual(['Save card', 'Cancel'])
  })

  test('a save-card checkout already open is reopened like any other', () => {
    renderCard({ transactionType: 'save_card', status: 'checkout_open' })
    expect(buttonNames()).toEqual(['Reopen checkout', 'Cancel'])
  })

  test('a plain sale has no transaction note', () => {
    const { container } = renderCard()
    expect(container.querySelector('.pc-card-note')).toBeNull()
  })

  test('the note goes once the card can no longer be paid: a held amount says it in its state line', () => {
    renderCard({ transactionType: 'authorize', status: 'authorized', receipt: visa })
    expect(screen.queryByText(/will be held on your card/)).toBeNull()
    expect(screen.getByText('Reference ch_3Kx9')).toBeTruthy()
  })

  test('a hold names the held charge (surcharge included) when it is listed', () => {
    renderCard({ transactionType: 'authorize', status: 'authorized', receipt: visa, charges: [charge(2524, { cardBrand: 'amex', last4: '0005' })] })
    expect(statusLine()).toBe('$25.24 held on Visa •••• 4242 — the seller will charge it later')
  })

  test('an authorized card, once captured, shows the normal paid line', () => {
    const { rerender } = renderCard({ transactionType: 'authorize', status: 'authorized', receipt: visa })
    rerender(
      <PaymentCard
        request={paymentRequest({ transactionType: 'authorize', status: 'paid', receipt: visa, version: 4 })}
        locale="en"
        t={translator('en')}
        brandName="Acme Coffee"
        busy={false}
        error={null}
        blockedUrl={null}
        onPay={() => {}}
        onCancel={() => {}}
      />,
    )
    expect(statusLine()).toBe('Paid with Visa •••• 4242')
    expect(buttonNames()).toEqual([])
  })

  test('a saved card without savedCard details falls back to the receipt', () => {
    renderCard({ transactionType: 'save_card', status: 'card_saved', receipt: { ...visa, cardBrand: 'mastercard', last4: '4444' } })
    expect(statusLine()).toBe('Card saved: Mastercard •••• 4444')
  })

  test.each(['ja', 'es', 'zh'] as const)('the new lines are translated (%s)', (locale) => {
    renderCard({ transactionType: 'save_card' }, { locale })
    const en = translator('en')
    expect(screen.queryByText(en('saveCardNote'))).toBeNull()
    expect(screen.getByText(translator(locale)('saveCardNote'))).toBeTruthy()
    expect(buttonNames()[0]).toBe(translator(locale)('saveCard'))
  })
})

describe('PaymentCard with a split payment', () => {
  const split = { price: { amount: 10000, currency: 'USD' }, amountPaid: { amount: 3000, currency: 'USD' }, charges: [charge(3000)] }

  test('under way: says how much is paid, offers Pay Now for the rest but no Cancel', () => {
    renderCard({ status: 'checkout_open', ...split })
    expect(screen.getByText('$30.00 of $100.00 paid')).toBeTruthy()
    expect(buttonNames()).toEqual(['Reopen checkout'])
  })

  test('a later card declined: the failure and what is paid both show, Pay Now again without Cancel', () => {
    renderCard({ status: 'failed', failure: { code: 'card_declined', message: 'Your card was declined.' }, ...split })
    expect(statusLine()).toBe('Payment failed: Your card was declined.')
    expect(screen.getByText('$30.00 of $100.00 paid')).toBeTruthy()
    expect(buttonNames()).toEqual(['Pay now'])
  })

  test('the progress is inside the polite status region, so a new part is announced', () => {
    renderCard({ status: 'checkout_open', ...split })
    expect(screen.getByRole('status').textContent).toBe('Checkout open in another window$30.00 of $100.00 paid')
  })

  test('nothing paid yet, or all of it: no progress line', () => {
    renderCard({ status: 'checkout_open', price: split.price })
    expect(screen.queryByText(/ of \$100\.00 paid/)).toBeNull()
  })

  test('paid in full across two cards lists both charges compactly', () => {
    renderCard({
      status: 'paid',
      receipt: visa,
      price: split.price,
      amountPaid: split.price,
      charges: [charge(3000), charge(7000, { cardBrand: 'mastercard', last4: '4444' })],
    })
    expect(screen.queryByText(/ of \$100\.00 paid/)).toBeNull()
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Payment · $30.00 · Visa •••• 4242',
      'Payment · $70.00 · Mastercard •••• 4444',
    ])
  })
})

describe('PaymentCard charges', () => {
  test('an extra payment is listed by its label', () => {
    renderCard({ status: 'paid', receipt: visa, charges: [charge(2450), charge(1000, { kind: 'extra', label: 'Deposit', reference: 'ch_x' })] })
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Payment · $24.50 · Visa •••• 4242',
      'Deposit · $10.00 · Visa •••• 4242',
    ])
  })

  test('one charge is the paid line already: no list', () => {
    renderCard({ status: 'paid', receipt: visa, charges: [charge(2450)] })
    expect(screen.queryByRole('list')).toBeNull()
  })

  test('one charge with a surcharge is listed, so the card shows what was taken beyond the price', () => {
    const amex = { ...visa, cardBrand: 'amex', last4: '0005' }
    renderCard({ status: 'paid', receipt: amex, charges: [charge(2524, { cardBrand: 'amex', last4: '0005', surcharge: { amount: 74, currency: 'USD' } })] })
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Payment · $25.24 · American Express •••• 0005'])
  })

  test('a charge with an unnamed brand says "card", in the locale', () => {
    renderCard({ status: 'paid', receipt: visa, charges: [charge(2450), charge(1000, { cardBrand: 'unknown', last4: '0005', reference: 'ch_y' })] }, { locale: 'es' })
    expect(screen.getAllByRole('listitem')[1]!.textContent).toBe('Pago · 10,00\u00a0US$ · tarjeta •••• 0005')
  })
})

describe('PaymentCard with a subscription', () => {
  const subscription = {
    id: 'sub_1',
    status: 'active' as const,
    interval: 'month' as const,
    intervalCount: 1,
    nextChargeAt: '2026-12-22T12:00:00.000Z',
    lastFailure: null,
  }
  const recurring = { status: 'paid' as const, receipt: visa, billing: { type: 'recurring' as const, interval: 'month' as const, intervalCount: 1 } }

  test('active: the next payment date, as the visitor’s locale writes dates', () => {
    renderCard({ ...recurring, subscription })
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(subscription.nextChargeAt))
    expect(screen.getByText(`Next payment on ${date}`)).toBeTruthy()
    expect(date).toBe('Dec 22, 2026')
  })

  test('the date follows the locale', () => {
    renderCard({ ...recurring, subscription }, { locale: 'ja' })
    expect(screen.getByText('次回の決済日：2026/12/22')).toBeTruthy()
  })

  test('past due: the failed renewal and why, announced with the card state', () => {
    renderCard({
      ...recurring,
      subscription: { ...subscription, status: 'past_due', lastFailure: { code: 'insufficient_funds', message: 'Your card has insufficient funds.' } },
    })
    expect(screen.getByRole('status').textContent).toContain('The last renewal failed: Your card has insufficient funds.')
  })

  test('canceled: says so, with no next payment', () => {
    renderCard({ ...recurring, subscription: { ...subscription, status: 'canceled' } })
    expect(screen.getByText('Subscription cancelled')).toBeTruthy()
    expect(screen.queryByText(/Next payment/)).toBeNull()
  })

  test('no subscription, no line', () => {
    renderCard({ ...recurring })
    expect(screen.queryByText(/Next payment|renewal|Subscription/)).toBeNull()
  })
})

describe('PaymentCard failures', () => {
  test('a failure other than card_declined shows its own message', () => {
    renderCard({ status: 'failed', failure: { code: 'insufficient_funds', message: 'Your card has insufficient funds. Try another card.' } })
    expect(statusLine()).toBe('Payment failed: Your card has insufficient funds. Try another card.')
    expect(buttonNames()).toEqual(['Pay now', 'Cancel'])
  })

  test('unknown with a reference gives it in its line, for support', () => {
    renderCard({ status: 'unknown', failure: { code: 'processing_error', message: 'Do not resubmit.', reference: 'ch_9Zq' } })
    expect(statusLine()).toBe('We’re confirming the payment status. Don’t pay again. Reference ch_9Zq')
    expect(buttonNames()).toEqual([])
  })
})

describe('PaymentCard from a server without the new fields', () => {
  test('a card with no amountPaid, charges or transactionType renders as a plain sale', () => {
    const old = paymentRequest({ status: 'checkout_open' }) as Partial<PaymentRequest>
    delete old.amountPaid
    delete old.charges
    delete old.transactionType
    render(
      <PaymentCard
        request={old as PaymentRequest}
        locale="en"
        t={translator('en')}
        brandName="Acme Coffee"
        busy={false}
        error={null}
        blockedUrl={null}
        onPay={() => {}}
        onCancel={() => {}}
      />,
    )
    expect(buttonNames()).toEqual(['Reopen checkout', 'Cancel'])
  })
})
