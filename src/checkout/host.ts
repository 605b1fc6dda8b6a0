/** What the page needs from the window around it; tests hand in a fake to see the hint and the close. */
export interface CheckoutHost {
  /**
   * Tells the widget that opened this window to refetch the payment request. Only the id: the
   * widget trusts the server, never this message, so it carries nothing worth stealing.
   */
  notifyOpener(paymentRequestId: string): void
  close(): void
  now(): Date
  /** Calls `callback` once after `ms`; the returned function calls it off. Tests drive a fake clock. */
  after(ms: number, callback: () => void): () => void
}

export const browserHost: CheckoutHost = {
  notifyOpener(paymentRequestId) {
    // '*': the opener is a visitor's page on any origin, and the message is no secret.
    window.opener?.postMessage({ type: 'paychat:checkout', paymentRequestId }, '*')
  },
  close: () => window.close(),
  now: () => new Date(),
  after(ms, callback) {
    const timer = setTimeout(callback, ms)
    return () => clearTimeout(timer)
  },
}
