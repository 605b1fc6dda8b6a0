/** What the page needs from the window around it; tests hand in a fake to see the hint and the close. */
export interface CheckoutHost {
  /**
   * Tells the widget that opened this window to refetch the payment request, if the window that opened
   * it still shows `openerOrigin` (the session's). Only the id: the widget trusts the server, never
   * this message; still, a page the opener navigated to since is told nothing.
   */
  notifyOpener(paymentRequestId: string, openerOrigin: string | null): void
  close(): void
  now(): Date
  /** Calls `callback` once after `ms`; the returned function calls it off. Tests drive a fake clock. */
  after(ms: number, callback: () => void): () => void
}

export const browserHost: CheckoutHost = {
  notifyOpener(paymentRequestId, openerOrigin) {
    if (openerOrigin) window.opener?.postMessage({ type: 'paychat:checkout', paymentRequestId }, openerOrigin)
  },
  close: () => window.close(),
  now: () => new Date(),
  after(ms, callback) {
    const timer = setTimeout(callback, ms)
    return () => clearTimeout(timer)
  },
}
