import { render } from 'preact'
import { createCheckoutApi } from './checkout-api'
import { CheckoutPage } from './checkout-page'
import { browserHost } from './host'
import { sessionIdFromPath } from './session-id'
import './checkout.css'

const root = document.getElementById('checkout')
if (root) {
  render(
    <CheckoutPage sessionId={sessionIdFromPath(location.pathname)} api={createCheckoutApi()} host={browserHost} />,
    root,
  )
}
