import { fireEvent, render, screen } from '@testing-library/preact'
import { expect, test } from 'vitest'
import { createClient } from '../../../src/client/index'
import type { RenderedTemplate } from '../../../src/protocol/types'
import { translator } from '../../../src/i18n/translate'
import { createChatStore } from '../../../src/store/index'
import { TemplateMessage } from '../../../src/widget/template-message'
import { Widget, widgetContext } from '../../../src/widget/widget-context'

function renderTemplate(template: RenderedTemplate) {
  // A store that never reaches a server: quick replies only append a local message here.
  const store = createChatStore({ client: createClient({ apiBase: 'http://paychat.test', widgetKey: 'wk_demo' }) })
  store.setState({ brand: { ...brand, linkOrigins: ['https://acme.example'] } })
  render(
    <Widget.Provider value={widgetContext(store, 'en', translator('en'))}>
      <TemplateMessage template={template} />
    </Widget.Provider>,
  )
  return store
}

const brand = { id: 'brand_acme', name: 'Acme Coffee', currency: 'USD', color: '#7a3e1d', greeting: 'Hi', checkoutOrigins: [], linkOrigins: [], whatsapp: false }

const base: RenderedTemplate = {
  name: 'order_update',
  header: 'Your order',
  body: 'Hi Ada, order A-7 ships today.',
  footer: 'Acme Coffee · reply STOP to opt out',
  buttons: [],
}

test('shows the header, body and footer of a template', () => {
  renderTemplate(base)
  for (const text of ['Your order', 'Hi Ada, order A-7 ships today.', 'Acme Coffee · reply STOP to opt out']) {
    expect(screen.getByText(text)).toBeTruthy()
  }
})

test('template text with markup renders as text', () => {
  renderTemplate({ ...base, header: '<b>bold</b>', body: '<img src=x onerror=alert(1)>' })
  expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy()
  expect(document.querySelector('img')).toBeNull()
})

test("a URL button on an origin the brand lists, or on the API's own, is a link opened apart from the page", () => {
  renderTemplate({
    ...base,
    buttons: [
      { type: 'URL', text: 'Track', url: 'https://acme.example/track/A-7' },
      { type: 'URL', text: 'Pay', url: 'http://paychat.test/pay/tok_1' },
    ],
  })
  const track = screen.getByRole('link', { name: 'Track' })
  expect(track.getAttribute('href')).toBe('https://acme.example/track/A-7')
  expect(track.getAttribute('target')).toBe('_blank')
  expect(track.getAttribute('rel')).toBe('noopener noreferrer')
  expect(screen.getByRole('link', { name: 'Pay' }).getAttribute('href')).toBe('http://paychat.test/pay/tok_1')
})

test.each([
  ['javascript:alert(1)', 'a script URL'],
  ['https://evil.example/phish', 'an https origin the brand does not list'],
  ['http://acme.example/track', 'a listed host over plain http'],
  ['https://user:pw@acme.example/', 'credentials in the URL'],
])('a URL button to %s (%s) is refused, and says so when pressed', (url) => {
  renderTemplate({ ...base, buttons: [{ type: 'URL', text: 'Open', url }] })
  expect(screen.queryByRole('link')).toBeNull()
  expect(screen.queryByRole('alert')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: 'Open' }))
  expect(screen.getByRole('alert').textContent).toBe(`This link was not opened: ${url} is not an address this chat may open.`)
})

test('a phone button dials, and a quick reply sends its text as the visitor', () => {
  const store = renderTemplate({
    ...base,
    buttons: [
      { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+15550001234' },
      { type: 'QUICK_REPLY', text: 'Yes please' },
    ],
  })
  expect(screen.getByRole('link', { name: 'Call us' }).getAttribute('href')).toBe('tel:+15550001234')
  fireEvent.click(screen.getByRole('button', { name: 'Yes please' }))
  expect(store.getState().messages.map((m) => [m.text, m.sendStatus])).toEqual([['Yes please', 'sending']])
})
