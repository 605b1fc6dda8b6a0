import type { ChatStore } from '../store/types'

/**
 * Pay now: the window is opened inside the click (so no popup blocker objects) and pointed at the
 * checkout once the server has given its URL. The store has already checked that URL is allowed.
 * Returns the URL to offer as a link when the browser blocked the window.
 */
export async function payInNewWindow(store: ChatStore, paymentRequestId: string): Promise<string | null> {
  const win = window.open('about:blank', '_blank')
  try {
    const { checkoutUrl } = await store.getState().checkout(paymentRequestId)
    if (!win || win.closed) return checkoutUrl
    win.location.href = checkoutUrl
    return null
  } catch {
    // The store put the reason on the card.
    win?.close()
    return null
  }
}
