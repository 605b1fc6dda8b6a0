import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, expect, test, vi } from 'vitest'
import {
  choose,
  memoryStorage,
  openConversation,
  renderConsole,
  shareCard,
  useConsoleServer,
  webVisitor,
} from './console-server'

useConsoleServer()

/** Intl's no-break space, as es puts it between the amount and "US$". */
const NBSP = '\u00a0'

afterEach(() => {
  vi.restoreAllMocks()
  document.documentElement.lang = 'en'
})

const card = (title: string) => screen.getByRole('article', { name: title })

test('the language chosen in the header translates the whole console, money and dates included, and is kept', async () => {
  const conversationId = await webVisitor('Grace Hopper')
  await shareCard(conversationId, { paymentPageId: 'pp_house_blend' })
  const storage = memoryStorage()
  renderConsole(storage)
  await openConversation('Grace Hopper')
  await screen.findByText('Live')

  choose(screen.getByLabelText('Console language'), 'es')

  expect(await screen.findByRole('heading', { name: 'Consola del operador de Paychat' })).toBeTruthy()
  expect(screen.getByText('En vivo')).toBeTruthy()
  expect(screen.getByRole('navigation', { name: 'Vistas' }).textContent).toBe(
    'ConversacionesPlantillasRespuestas predefinidas',
  )
  const shared = within(card('House blend, 1 kg'))
  expect(shared.getByText(`24,50${NBSP}US$`, { normalizer: (text) => text })).toBeTruthy()
  expect(shared.getByText('Venta — cobrar ahora')).toBeTruthy()
  expect(shared.getByText('Esperando al visitante')).toBeTruthy()
  expect(shared.getByRole('button', { name: 'Retirar' })).toBeTruthy()
  expect(screen.getByRole('button', { name: 'Compartir solicitud de pago' })).toBeTruthy()
  expect(screen.getByLabelText('Tipo de transacción')).toBeTruthy()
  // The conversation's start, written by Intl for es ("2 ene 2030, 10:00"): a Spanish month, no English one.
  const started = screen.getByText(/^Acme Coffee · iniciada el /).textContent!
  expect(started).not.toMatch(/Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/)
  expect(document.documentElement.lang).toBe('es')
  expect(document.title).toBe('Consola del operador · Paychat')
  expect(storage.entries.get('paychat.operatorLocale')).toBe('es')

  // The next visit opens in the language chosen.
  cleanup()
  renderConsole(storage)
  expect(await screen.findByRole('heading', { name: 'Consola del operador de Paychat' })).toBeTruthy()
  expect((screen.getByLabelText('Idioma de la consola') as HTMLSelectElement).value).toBe('es')
})

test('in Japanese, the card, the transaction history and the credit balance read in Japanese', async () => {
  const conversationId = await webVisitor('Grace Hopper')
  await shareCard(conversationId, { paymentPageId: 'pp_house_blend', transactionType: 'authorize' })
  const storage = memoryStorage()
  storage.setItem('paychat.operatorLocale', 'ja')
  renderConsole(storage)
  fireEvent.click(await screen.findByRole('button', { name: /Grace Hopper/ }))
  await screen.findByRole('log', { name: 'メッセージ' })
  await screen.findByText('ライブ')

  expect(screen.getByRole('heading', { name: 'Paychat オペレーターコンソール' })).toBeTruthy()
  const shared = within(card('House blend, 1 kg'))
  expect(shared.getByText('$24.50')).toBeTruthy()
  expect(shared.getByText('仮押さえ — 後で売上確定')).toBeTruthy()
  expect(shared.getByText('訪問者の支払い待ち')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: /^取引履歴/ }))
  expect(await screen.findByText('支払いの試行はまだありません。')).toBeTruthy()
  await waitFor(() => expect(screen.getByText(/^WhatsApp クレジット：/).textContent).toBe('WhatsApp クレジット：50'))
  expect(screen.getByLabelText('返信')).toBeTruthy()
  expect(screen.getByRole('button', { name: '返信を送信' })).toBeTruthy()
  expect(document.documentElement.lang).toBe('ja')
})

test('without a choice kept, the browser’s languages choose; an unsupported one falls back to English', async () => {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'zh-CN'])
  renderConsole()
  expect(await screen.findByRole('heading', { name: 'Paychat 客服控制台' })).toBeTruthy()
  expect(document.documentElement.lang).toBe('zh-Hans')
  cleanup()

  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'de'])
  renderConsole(memoryStorage())
  expect(await screen.findByRole('heading', { name: 'Paychat operator console' })).toBeTruthy()
})
