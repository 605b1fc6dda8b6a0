import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { ja } from '../../../src/checkout/catalogs/ja'
import { loadCheckoutText } from '../../../src/checkout/locale'
import type { CheckoutText } from '../../../src/checkout/text'
import { renderCheckout } from './render-checkout'
import { openCheckout, recordBodies, useReferenceServer } from './reference-server'

const { server } = useReferenceServer()

/**
 * Intl's no-break space, as es puts it between the amount and "US$" and before "%". Role names keep
 * it; `getByText` folds it into a plain space, so text matchers there are written with one.
 */
const NBSP = '\u00a0'

interface Labels {
  name: string
  number: string
  expiry: string
  cvc: string
}

const JA: Labels = { name: 'カード名義', number: 'カード番号', expiry: '有効期限', cvc: 'セキュリティコード' }
const ES: Labels = { name: 'Nombre en la tarjeta', number: 'Número de tarjeta', expiry: 'Vencimiento', cvc: 'CVC' }

/** Types a card into the fields as they are labelled in the page's language. */
async function fillCard(labels: Labels, number: string) {
  await screen.findByLabelText(labels.name)
  const values: [string, string][] = [
    [labels.name, 'Ada Lovelace'],
    [labels.number, number],
    [labels.expiry, '12/34'],
    [labels.cvc, '123'],
  ]
  for (const [label, value] of values) fireEvent.input(screen.getByLabelText(label), { target: { value } })
}

/** The page in `locale`, its catalog loaded the way main.tsx loads it (a lazy chunk). */
async function renderIn(locale: 'ja' | 'es' | 'zh', checkoutSessionId: string) {
  const text: CheckoutText = await loadCheckoutText(locale)
  expect(text.locale).toBe(locale)
  return renderCheckout(checkoutSessionId, () => new Date(), text)
}

describe('in Japanese', () => {
  test('the summary, the form and the button speak Japanese, with yen as Intl writes it for ja', async () => {
    const { checkoutSessionId } = await openCheckout('抹茶セット', 'wk_sakura')
    await renderIn('ja', checkoutSessionId)

    expect(await screen.findByRole('heading', { name: '抹茶セット' })).toBeTruthy()
    // Intl writes the yen sign full-width in Japanese (U+FFE5), as the widget's ja card does.
    expect(screen.getByText('￥3,200')).toBeTruthy()
    expect(screen.getByText(/への1回限りのお支払い（￥3,200）です。$/)).toBeTruthy()
    for (const label of Object.values(JA)) expect(screen.getByLabelText(label)).toBeTruthy()
    expect(screen.getByRole('form', { name: 'カード情報' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '￥3,200 を支払う' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'お支払いをキャンセル' })).toBeTruthy()
    expect(screen.getByText('Paychat のテスト用決済画面です。実際のカードに請求されることはありません。')).toBeTruthy()
    expect(screen.queryByText(/\b(Pay|Card|Cancel)\b/)).toBeNull()
  })

  test('checks on the page name what is wrong in Japanese, before anything is sent', async () => {
    const pays = recordBodies(server, /\/pay$/)
    const { checkoutSessionId } = await openCheckout('抹茶セット', 'wk_sakura')
    await renderIn('ja', checkoutSessionId)
    fireEvent.input(await screen.findByLabelText(JA.number), { target: { value: '4242 4242 4242' } })
    fireEvent.input(screen.getByLabelText(JA.expiry), { target: { value: '13/34' } })
    fireEvent.click(screen.getByRole('button', { name: '￥3,200 を支払う' }))

    const errors = [...document.querySelectorAll('.field-error')].map((p) => p.textContent)
    expect(errors).toEqual([
      'カード名義を入力してください。',
      'カード番号が不完全です。',
      '有効期限は MM/YY の形式で入力してください。',
      'セキュリティコードを入力してください。',
    ])
    expect(await pays.all()).toEqual([])
  })

  test('a part of a split below ￥100 that leaves some to pay is refused at its field, in Japanese', async () => {
    const { checkoutSessionId } = await openCheckout('抹茶セット', 'wk_sakura')
    await renderIn('ja', checkoutSessionId)
    await fillCard(JA, '4242 4242 4242 4242')
    fireEvent.click(screen.getByLabelText(ja.splitAcrossCards))
    fireEvent.input(screen.getByLabelText(ja.amountForCard), { target: { value: '99' } })
    fireEvent.click(screen.getByRole('button', { name: '￥99 を支払う' }))

    await waitFor(() => expect(document.querySelector('.field-error')?.textContent).toBe('最後のカード以外は ￥100 以上をお支払いください。'))
  })

  test('a decline is told by its code in Japanese, not in the server’s English', async () => {
    const { checkoutSessionId } = await openCheckout('抹茶セット', 'wk_sakura')
    await renderIn('ja', checkoutSessionId)
    await fillCard(JA, '4000 0000 0000 9995')
    fireEvent.click(screen.getByRole('button', { name: '￥3,200 を支払う' }))

    expect((await screen.findByRole('alert')).textContent).toBe(
      'カードの利用可能額が不足しています。別のカードをお試しください。',
    )
  })

  test('a payment stopped after too many declines says so in Japanese', async () => {
    const { checkoutSessionId } = await openCheckout('抹茶セット', 'wk_sakura')
    await renderIn('ja', checkoutSessionId)
    for (let attempt = 1; attempt <= 5; attempt++) {
      await fillCard(JA, '4000 0000 0000 0002')
      fireEvent.click(screen.getByRole('button', { name: '￥3,200 を支払う' }))
      if (attempt < 5) await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>(JA.cvc).value).toBe(''))
    }

    expect(await screen.findByRole('heading', { name: ja.noLongerAvailable })).toBeTruthy()
    expect(screen.getByText(ja.stoppedMessage)).toBeTruthy()
  })

  test('a payment ends with a Japanese receipt: heading, labels and amount', async () => {
    const { checkoutSessionId } = await openCheckout('抹茶セット', 'wk_sakura')
    await renderIn('ja', checkoutSessionId)
    await fillCard(JA, '4242 4242 4242 4242')
    fireEvent.click(screen.getByRole('button', { name: '￥3,200 を支払う' }))

    const heading = await screen.findByRole('heading', { name: 'お支払いが完了しました' })
    const panel = heading.closest('section')!
    const terms = [...panel.querySelectorAll('dt')].map((dt) => dt.textContent)
    expect(terms).toEqual(['金額', 'カード', '参照番号', '支払日時'])
    expect(panel.querySelector('dd')?.textContent).toBe('￥3,200')
    expect(panel.textContent).toContain('このお支払いはチャットにも表示されます。')
    expect(screen.getByRole('button', { name: '閉じる' })).toBeTruthy()
  })

  test('Cancel says in Japanese that nothing was charged', async () => {
    const { checkoutSessionId } = await openCheckout('抹茶セット', 'wk_sakura')
    await renderIn('ja', checkoutSessionId)
    fireEvent.click(await screen.findByRole('button', { name: 'お支払いをキャンセル' }))

    expect(
      await screen.findByRole('heading', {
        name: 'お支払いをキャンセルしました。請求はありません。このウィンドウは閉じてかまいません。',
      }),
    ).toBeTruthy()
  })
})

describe('in Spanish', () => {
  test('the summary, the wallet and the button speak Spanish, with dollars as Intl writes them for es', async () => {
    const { checkoutSessionId } = await openCheckout('House blend, 1 kg')
    await renderIn('es', checkoutSessionId)

    await screen.findByRole('heading', { name: 'House blend, 1 kg' })
    expect(document.querySelector('.item-price .amount')?.textContent).toBe(`24,50${NBSP}US$`)
    expect(screen.getByText('Un pago único de 24,50 US$ a Acme Coffee.')).toBeTruthy()
    expect(screen.getByRole('button', { name: `Pagar 24,50${NBSP}US$` })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Pagar con Wallet' })).toBeTruthy()
    expect(screen.getByText('o paga con tarjeta')).toBeTruthy()
    expect(screen.getByLabelText('Dividir entre varias tarjetas')).toBeTruthy()
  })

  test('the surcharge sentence and its approval are in Spanish, the percentage too', async () => {
    const { checkoutSessionId } = await openCheckout('House blend, 1 kg')
    await renderIn('es', checkoutSessionId)
    await fillCard(ES, '3782 822463 10005')

    expect(document.querySelector('.surcharge p')?.textContent).toBe(
      `Las tarjetas American Express tienen un recargo del 3${NBSP}%: 0,74${NBSP}US$. Nuevo total: 25,24${NBSP}US$.`,
    )
    expect(screen.getByLabelText('Aceptar el nuevo total')).toBeTruthy()
    expect(screen.getByRole('button', { name: `Pagar 25,24${NBSP}US$` })).toHaveProperty('disabled', true)
  })

  test('the bank’s step and its failure are in Spanish', async () => {
    const { checkoutSessionId } = await openCheckout('House blend, 1 kg')
    await renderIn('es', checkoutSessionId)
    await fillCard(ES, '4000 0000 0000 3220')
    fireEvent.click(screen.getByRole('button', { name: `Pagar 24,50${NBSP}US$` }))

    const step = (await screen.findByRole('heading', { name: 'Tu banco quiere confirmar este pago' })).closest('section')!
    expect(step.textContent).toContain('Visa •••• 3220')
    expect(step.textContent).toContain(`24,50${NBSP}US$`)
    fireEvent.click(screen.getByRole('button', { name: 'Hacer fallar la autenticación' }))
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'No pudimos confirmar este pago con tu banco. Vuelve a intentarlo o usa otra tarjeta.',
      ),
    )
  })

  test('an unknown outcome keeps the reference to quote, in Spanish', async () => {
    const { checkoutSessionId } = await openCheckout('House blend, 1 kg')
    await renderIn('es', checkoutSessionId)
    await fillCard(ES, '4000 0000 0000 0119')
    fireEvent.click(screen.getByRole('button', { name: `Pagar 24,50${NBSP}US$` }))

    const heading = await screen.findByRole('heading', { name: /^No vuelvas a pagar/ })
    expect(heading.textContent).toMatch(
      /^No vuelvas a pagar: el estado del pago es desconocido\. Contáctanos con la referencia ch_\w+\.$/,
    )
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Cerrar'])
  })
})

describe('in Simplified Chinese', () => {
  test('the form and the button speak Chinese', async () => {
    const { checkoutSessionId } = await openCheckout('House blend, 1 kg')
    await renderIn('zh', checkoutSessionId)

    expect(await screen.findByLabelText('持卡人姓名')).toBeTruthy()
    expect(screen.getByRole('button', { name: '支付 US$24.50' })).toBeTruthy()
    expect(screen.getByText('向 Acme Coffee 一次性支付 US$24.50。')).toBeTruthy()
  })
})
