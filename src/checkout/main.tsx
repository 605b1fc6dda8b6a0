import { render } from 'preact'
import { createCheckoutApi } from './checkout-api'
import { CheckoutPage } from './checkout-page'
import { browserHost } from './host'
import { htmlLang, loadCheckoutText, pageLocale } from './locale'
import { sessionIdFromPath } from './session-id'
import './checkout.css'

const root = document.getElementById('checkout')
if (root) {
  // The payer's catalog first (English is at hand; another is one small chunk), so no English flashes by.
  void loadCheckoutText(pageLocale(location.search, navigator.languages)).then((text) => {
    document.documentElement.lang = htmlLang(text.locale)
    document.title = text.t('pageTitle')
    render(
      <CheckoutPage
        sessionId={sessionIdFromPath(location.pathname)}
        api={createCheckoutApi()}
        host={browserHost}
        text={text}
      />,
      root,
    )
  })
}
