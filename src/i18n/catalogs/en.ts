/** Every string the widget shows. Other catalogs must have every key (a test checks). */
export const en = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  message: 'Message',
  send: 'Send',
  typeMessage: 'Type a message…',
  sending: 'Sending…',
  sent: 'Sent',
  failed: 'Failed',
  retry: 'Retry',
  reconnecting: 'Reconnecting…',
  connecting: 'Connecting…',
  startFailed: 'Chat is unavailable right now.',
  tryAgain: 'Try again',
  you: 'You',
  payNow: 'Pay now',
  cancel: 'Cancel',
  reopenCheckout: 'Reopen checkout',
  openCheckout: 'Open checkout',
  popupBlocked: 'Your browser blocked the checkout window.',
  statusPending: 'Waiting for your payment',
  statusCheckoutOpen: 'Checkout open in another window',
  statusPaid: 'Paid with {brand} •••• {last4}',
  /** In "Paid with card •••• 0005" when the card brand has no name here. */
  anyCard: 'card',
  statusPaidReference: 'Reference {reference}',
  statusFailed: 'Payment failed: {reason}',
  statusUnknown: 'We’re confirming the payment status. Don’t pay again.',
  statusDeclined: 'You cancelled this payment.',
  statusRevoked: 'Withdrawn by {brand}',
  statusExpired: 'This payment request expired.',
  continueOnWhatsApp: 'Continue on WhatsApp',
  paymentRequest: 'Payment request',
} as const

export type CatalogKey = keyof typeof en
export type Catalog = Record<CatalogKey, string>
