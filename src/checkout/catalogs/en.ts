/**
 * Every string the hosted checkout page shows. English is bundled with the page; ja, es and zh are
 * lazy chunks (../locale.ts). Other catalogs must have every key, with the same {placeholders}
 * (tests/unit/i18n/checkout-catalogs.test.ts). Terms follow the widget's catalogs (src/i18n/catalogs).
 */
export const en = {
  pageTitle: 'Checkout',
  loading: 'Loading checkout…',
  unavailableTitle: 'Checkout unavailable',
  linkIncomplete: 'This checkout link is incomplete.',
  linkInvalid: 'This checkout link is not valid.',
  loadFailed: 'The checkout could not be loaded.',
  networkError: 'We could not reach the payment server. Check your connection.',
  httpError: 'The payment server answered {status}.',
  footer: 'Paychat test checkout: no real card is ever charged.',

  // The order summary and its terms line.
  paidSoFar: 'Paid so far {paid} of {price}',
  termsOneTime: 'A one-time payment of {amount} to {brand}.',
  termsRecurring: 'You authorise {brand} to charge {amount} {recurrence}. It renews automatically until you cancel.',
  termsAuthorize: '{amount} is held on your card now and charged later by {brand}.',
  termsSaveCard: 'Nothing is charged now. {brand} saves your card to charge it later.',

  // The payment form.
  cardDetails: 'Card details',
  walletPayment: 'Wallet payment',
  nameOnCard: 'Name on card',
  cardNumber: 'Card number',
  expiry: 'Expiry',
  /** The expiry field's placeholder: month and year, two digits each. */
  expiryPlaceholder: 'MM/YY',
  cvc: 'CVC',
  orPayByCard: 'or pay by card',
  payWithWallet: 'Pay with Wallet',
  subscribeWithWallet: 'Subscribe with Wallet',
  splitAcrossCards: 'Split across cards',
  amountForCard: 'Amount for this card',
  whatFor: 'What it is for',
  /** Placeholder of "What it is for" on an extra payment. */
  depositPlaceholder: 'Deposit',
  surchargeSentence: '{brand} cards carry a {percent} surcharge of {fee}. New total: {total}.',
  approveTotal: 'Approve new total',
  pay: 'Pay',
  payAmount: 'Pay {amount}',
  authorize: 'Authorize',
  authorizeAmount: 'Authorize {amount}',
  subscribe: 'Subscribe',
  subscribeAmount: 'Subscribe {amount}',
  subscribeEvery: 'Subscribe {recurrence}',
  subscribeAmountEvery: 'Subscribe {amount} {recurrence}',
  saveCard: 'Save card',
  cancelPayment: 'Cancel payment',
  processing: 'Processing your payment…',

  // Checks made on the page before anything is sent.
  enterName: 'Enter the name on your card.',
  enterNumber: 'Enter your card number.',
  numberIncomplete: 'Your card number is incomplete.',
  numberInvalid: 'Your card number is invalid. Check the digits.',
  enterExpiry: 'Enter the expiry date.',
  expiryFormat: 'Enter the expiry as MM/YY.',
  cardExpired: 'Your card has expired.',
  enterCvc: 'Enter the CVC.',
  cvcDigits: 'The CVC is {digits} digits.',
  enterLabel: 'Say what this payment is for.',
  enterAmount: 'Enter an amount.',
  amountAsNumber: 'Enter the amount as a number, like {example}.',
  amountAboveZero: 'Enter an amount above zero.',
  amountDecimals: 'Amounts in {currency} have at most {digits} decimal places.',
  amountNoDecimals: 'Amounts in {currency} have no decimal places.',
  amountStep: 'Amounts in {currency} must end in 0 (steps of {step}).',
  amountOverDue: 'That is more than the {due} still due.',

  // Declines, by the gateway's failure code (the server's own sentence is shown for other codes).
  declineCardDeclined: 'Your card was declined. Try another card.',
  declineInsufficientFunds: 'Your card has insufficient funds. Try another card.',
  declineExpiredCard: 'Your card has expired. Try another card.',
  declineIncorrectCvc: 'Your card’s security code is incorrect. Check it and try again.',
  declineAuthenticationFailed: 'We could not confirm this payment with your bank. Try again or use another card.',

  // The wallet.
  walletSignIn: 'Sign in to Wallet',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  wallet: 'Wallet',
  name: 'Name',
  shipTo: 'Ship to',
  paysWith: 'Pays with',
  changeAddress: 'Change address',
  chooseAddress: 'Choose an address',
  shipToQuestion: 'Ship to {address}?',
  confirmAddress: 'Confirm address',
  chooseAnother: 'Choose another',

  // The bank's extra step (3-D Secure).
  challengeHeading: 'Your bank wants to confirm this payment',
  confirm: 'Confirm',
  failAuthentication: 'Fail authentication',

  // Receipts.
  card: 'Card',
  amount: 'Amount',
  surcharge: 'Surcharge',
  reference: 'Reference',
  paidAt: 'Paid',
  heldAt: 'Held',
  savedAt: 'Saved',

  // Outcomes.
  close: 'Close',
  paymentComplete: 'Payment complete',
  paymentAuthorized: 'Payment authorized',
  cardSaved: 'Card saved',
  heldOnCard: '{amount} is held on your card. {brand} charges it later.',
  savedNothingCharged: 'Nothing was charged. {brand} can charge this card later.',
  renews: 'Renews {recurrence}. Next charge: {date}.',
  chatShowsPayment: 'The chat shows this payment too. You can close this window.',
  chatShowsCard: 'The chat shows this card too. You can close this window.',
  addAnotherPayment: 'Add another payment ({left} left)',
  anotherPayment: 'Another payment',
  unknownStatus: 'Do not resubmit: the payment status is unknown.',
  unknownStatusReference: 'Do not resubmit: the payment status is unknown. Contact us with reference {reference}.',
  unknownStatusNote: 'The bank has not confirmed this payment yet. The chat will show the result as soon as it is known.',
  unconfirmedTitle: 'We could not confirm your payment.',
  unconfirmedMessage: 'Do not pay again until the chat shows the result of this payment.',
  voidedTitle: 'This payment was released.',
  voidedMessage: 'The hold on your card was released. Nothing was charged.',
  noLongerAvailable: 'This payment is no longer available.',
  revokedMessage: 'The seller withdrew this payment request.',
  declinedMessage: 'This payment request was cancelled in the chat.',
  expiredTitle: 'This payment request has expired.',
  expiredMessage: 'Ask in the chat for a new one.',
  linkExpiredTitle: 'This checkout link has expired.',
  linkExpiredMessage: 'Go back to the chat and press Pay now again.',
  timedOut: 'This page timed out and nothing more was charged. Go back to the chat and press Pay now to start again.',
  cancelledNothing: 'Payment cancelled. Nothing was charged. You can close this window.',
  cancelledPartly: 'Payment cancelled. You paid {paid} of {price}; nothing more was charged. You can close this window.',
} as const

export type CheckoutKey = keyof typeof en
export type CheckoutCatalog = Record<CheckoutKey, string>
