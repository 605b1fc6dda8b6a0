import { afterEach, describe, expect, test, vi } from 'vitest'
import { actionLabel, walletLabel } from '../../../src/checkout/action-label'
import { amountError } from '../../../src/checkout/amount-input'
import { validateCard } from '../../../src/checkout/card/validate-card'
import { en } from '../../../src/checkout/catalogs/en'
import { es } from '../../../src/checkout/catalogs/es'
import { ja } from '../../../src/checkout/catalogs/ja'
import { htmlLang, loadCheckoutText, pageLocale } from '../../../src/checkout/locale'
import { termsLine } from '../../../src/checkout/order-summary'
import { cancelledMessage, screenFor, unknownStatusMessage } from '../../../src/checkout/screen'
import { surchargeQuote, surchargeSentence } from '../../../src/checkout/surcharge'
import { apiErrorText, checkoutText, ENGLISH, failureText } from '../../../src/checkout/text'
import { sessionView } from './session-view'

const NBSP = '\u00a0'
const jaText = checkoutText('ja', ja)
const esText = checkoutText('es', es)

describe('pageLocale: ?locale= from the widget, else the browser, else English', () => {
  test.each([
    ['?locale=ja', ['en-US'], 'ja'],
    ['?locale=es-MX', ['ja'], 'es'],
    ['?locale=zh-Hans', [], 'zh'],
    ['', ['es-419', 'en'], 'es'],
    ['?other=1', ['fr-FR', 'zh-CN'], 'zh'],
    // An unsupported ?locale= falls through to the browser, then to English.
    ['?locale=fr', ['ja-JP'], 'ja'],
    ['?locale=fr', ['de-DE'], 'en'],
    ['', undefined, 'en'],
  ] as const)('%j with %j is %s', (search, languages, locale) => {
    expect(pageLocale(search, languages)).toBe(locale)
  })

  test('<html lang> names Simplified Chinese by its script', () => {
    expect(htmlLang('zh')).toBe('zh-Hans')
    expect(htmlLang('ja')).toBe('ja')
  })
})

describe('loadCheckoutText', () => {
  afterEach(() => {
    vi.doUnmock('../../../src/checkout/catalogs/ja')
    vi.resetModules()
  })

  test('brings the catalog of the locale', async () => {
    expect((await loadCheckoutText('ja')).t('payAmount', { amount: '￥3,200' })).toBe('￥3,200 を支払う')
    expect((await loadCheckoutText('es')).t('cardNumber')).toBe('Número de tarjeta')
    expect((await loadCheckoutText('zh')).t('cardNumber')).toBe('卡号')
    expect((await loadCheckoutText('en')).t('cardNumber')).toBe(en.cardNumber)
  })

  test('falls back to English when the chunk cannot be fetched', async () => {
    vi.resetModules()
    vi.doMock('../../../src/checkout/catalogs/ja', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    const { loadCheckoutText: load } = await import('../../../src/checkout/locale')
    const text = await load('ja')
    expect(text.locale).toBe('en')
    expect(text.t('pay')).toBe('Pay')
  })
})

describe('the page’s sentences in Japanese and Spanish', () => {
  test('the main button and the wallet button', () => {
    const yen = sessionView({ item: { ...sessionView().item, price: { amount: 3200, currency: 'JPY' } } })
    expect(actionLabel(yen, false, 3200, jaText)).toBe('￥3,200 を支払う')
    expect(actionLabel(yen, false, null, jaText)).toBe('支払う')
    expect(actionLabel(sessionView({ transactionType: 'authorize' }), false, 2450, jaText)).toBe('$24.50 を仮押さえする')
    const monthly = sessionView({
      mode: 'subscription',
      item: { ...yen.item, billing: { type: 'recurring', interval: 'month', intervalCount: 1 } },
    })
    expect(actionLabel(monthly, false, 3200, jaText)).toBe('毎月 ￥3,200 で申し込む')
    expect(actionLabel(sessionView(), false, 2450, esText)).toBe(`Pagar 24,50${NBSP}US$`)
    expect(actionLabel(monthly, false, null, esText)).toBe('Suscribirse cada mes')
    expect(walletLabel(monthly, jaText)).toBe('Wallet で申し込む')
  })

  test('the terms line, the surcharge, the cancel and the unknown status', () => {
    expect(termsLine('￥3,200', null, 'さくら茶房', 'sale', jaText)).toBe('さくら茶房 への1回限りのお支払い（￥3,200）です。')
    const quote = surchargeQuote({ amex: 300 }, 'amex', 2450, 'USD')!
    expect(surchargeSentence(quote, 'USD', jaText)).toBe(
      'American Express のカードには 3% の手数料（$0.74）がかかります。新しい合計：$25.24',
    )
    expect(cancelledMessage(sessionView(), jaText)).toBe(
      'お支払いをキャンセルしました。請求はありません。このウィンドウは閉じてかまいません。',
    )
    expect(unknownStatusMessage('ch_1', jaText)).toContain('参照番号 ch_1')
    expect(screenFor(sessionView({ paymentRequestStatus: 'expired' }), jaText)).toEqual({
      kind: 'closed',
      title: 'この支払いリクエストは期限切れです。',
      message: 'チャットで新しいリクエストをご依頼ください。',
    })
  })

  test('checks before sending', () => {
    expect(validateCard({ name: '', number: '4242 4242 4242 4242', expiry: '12/34', cvc: '12' }, new Date(2030, 0), jaText)).toEqual({
      name: 'カード名義を入力してください。',
      cvc: 'セキュリティコードは3桁です。',
    })
    expect(amountError('12.5', 'JPY', null, jaText)).toBe('JPY の金額に小数点以下は使えません。')
    expect(amountError('30', 'JPY', { amount: 3200, currency: 'JPY' }, jaText)).toBeNull()
    expect(amountError('5000', 'JPY', { amount: 3200, currency: 'JPY' }, jaText)).toBe('未払いの残額 ￥3,200 を超えています。')
  })
})

describe('what the server says, as the payer reads it', () => {
  const declined = { code: 'card_declined', message: 'Your card was declined. Try another card.' }

  test('a known failure code gets the page’s own sentence in another language', () => {
    expect(failureText(declined, jaText)).toBe(ja.declineCardDeclined)
    expect(failureText({ code: 'processing_error', message: '…' }, jaText)).toBe(ja.unknownStatus)
    expect(failureText({ code: 'authentication_failed', message: '…' }, jaText)).toBe(ja.declineAuthenticationFailed)
  })

  test('in English the server’s sentence is kept; an unknown code keeps it in any language', () => {
    expect(failureText({ ...declined, message: 'Declined by the issuer.' }, ENGLISH)).toBe('Declined by the issuer.')
    expect(failureText({ code: 'do_not_honor', message: 'Do not honor.' }, jaText)).toBe('Do not honor.')
    expect(failureText({ code: 'toString', message: 'Odd.' }, jaText)).toBe('Odd.')
  })

  test('a broken connection or an answer without a reason is said by the page; a reason by the server', () => {
    expect(apiErrorText({ status: 0, code: 'network_error', message: 'x' }, jaText)).toBe(ja.networkError)
    expect(apiErrorText({ status: 502, code: 'http_error', message: 'x' }, ENGLISH)).toBe('The payment server answered 502.')
    expect(apiErrorText({ status: 409, code: 'checkout_complete', message: 'This checkout is already complete.' }, jaText)).toBe(
      'This checkout is already complete.',
    )
  })
})
