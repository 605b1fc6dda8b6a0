import { fireEvent, render, screen } from '@testing-library/preact'
import { describe, expect, test, vi } from 'vitest'
import { translator, type Locale } from '../../../src/i18n/translate'
import type { PaymentRequest, PaymentRequestStatus } from '../../../src/protocol/types'
import { PaymentCard, type PaymentCardProps } from '../../../src/widget/payment-card'
import { paymentRequest } from './fixtures'

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

const buttonNames = () => screen.queryAllByRole('button').map((b) => b.textContent)
const statusLine = () => screen.getByRole('status').textContent

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
  ]

  test('the table covers every status', () => {
    const all: PaymentRequestStatus[] = ['pending', 'checkout_open', 'paid', 'failed', 'unknown', 'declined', 'revoked', 'expired']
    expect(cases.map((c) => c.status).sort()).toEqual(all.sort())
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
