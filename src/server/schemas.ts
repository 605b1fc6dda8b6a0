import { z } from 'zod'
import { withoutBidiControls } from '../i18n/bidi'
import { amountStep, isChargeableAmount } from '../i18n/currency'

const trimmed = (max: number) => z.string().trim().min(1).max(max)
/** A person's or a thing's name as people see it: no bidi controls (src/i18n/bidi.ts), then trimmed. */
export const displayName = (max: number) => z.string().overwrite(withoutBidiControls).trim().min(1).max(max)
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code in upper case, e.g. "USD"')

export const money = z
  .object({
    amount: z.number().int('must be an integer in minor units (cents)').positive().max(100_000_000_00),
    currency,
  })
  // Three-decimal currencies (BHD, KWD…) settle to two decimals: 1.235 BHD cannot be charged.
  .refine((m) => isChargeableAmount(m.amount, m.currency), {
    path: ['amount'],
    error: (issue) => {
      const m = issue.input as { currency: string }
      return `must be a multiple of ${amountStep(m.currency)} minor units in ${m.currency}`
    },
  })

export const billing = z.discriminatedUnion('type', [
  z.object({ type: z.literal('one_time') }),
  z.object({
    type: z.literal('recurring'),
    interval: z.enum(['week', 'month', 'year']),
    intervalCount: z.number().int().min(1).max(52),
  }),
])

export const createSession = z.object({
  widgetKey: trimmed(100),
  sessionToken: z.string().max(200).optional(),
  locale: z.string().max(35).optional(),
  visitor: z
    .object({ name: displayName(100).optional(), email: z.email().max(200).optional(), userHash: z.string().max(200).optional() })
    .optional(),
})

/** `POST /v1/identify`: `userHash` is the hex HMAC-SHA256 of `email` with the brand's identity secret. */
export const identify = z.object({
  name: displayName(100).optional(),
  email: z.email().max(200),
  userHash: z.string().min(1).max(200),
})

/**
 * A failure that is not a malformed request but one refused on its merits: `parse` answers it with
 * this status and code instead of 400 `validation_failed`.
 */
export const refusal = (status: number, code: string) => ({ params: { status, code } })

export const MAX_MESSAGE_LENGTH = 4000

/**
 * A message's text: 1-4000 characters once trimmed. Longer is 422 `message_too_long`, not 400: the
 * request is well-formed, the visitor only has to shorten the text, and the sentence tells them so.
 */
export const messageText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((text) => text.length <= MAX_MESSAGE_LENGTH, {
    ...refusal(422, 'message_too_long'),
    error: (issue) =>
      `This message is ${String(issue.input).trim().length} characters long; a message has at most ${MAX_MESSAGE_LENGTH}. Shorten it and send it again.`,
  })

export const sendMessage = z.object({
  clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 characters of A-Z, a-z, 0-9, _ or -'),
  text: messageText,
})

export const operatorMessage = z.object({ text: messageText })

export const page = z.object({
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const idempotencyKey = z.string().min(1).max(255)

const paymentPageFields = z.object({
  title: trimmed(120),
  description: z.string().trim().max(1000),
  price: money,
  billing,
})

export const paymentPage = paymentPageFields.extend({
  brandId: trimmed(100),
  description: paymentPageFields.shape.description.default(''),
})

// Built without the create defaults: zod 4 fills a default even in a partial, so a patch of the title
// alone would also blank the description (and `{}` would pass the check below).
export const paymentPagePatch = paymentPageFields.partial().refine((p) => Object.keys(p).length > 0, {
  message: 'give at least one of title, description, price, billing',
})

const templateParameters = z.union([z.array(z.string().max(1024)).max(50), z.record(z.string(), z.string().max(1024))])

export const sharePaymentRequest = z.object({
  paymentPageId: trimmed(100),
  transactionType: z.enum(['sale', 'authorize', 'save_card']).default('sale'),
  /** How long each checkout session opened for the card lives. */
  checkoutMinutes: z.number().int().min(30).max(1440).optional(),
  /** On WhatsApp: send the card as this template (its URL button carries the pay link). */
  whatsapp: z.object({ templateId: z.string().trim().min(1), parameters: templateParameters.optional() }).optional(),
})

const credentials = {
  stripe: z.object({
    publishableKey: z.string().regex(/^pk_(test|live)_\w{8,}$/, 'must look like pk_test_...'),
    secretKey: z.string().regex(/^sk_(test|live)_\w{8,}$/, 'must look like sk_test_...'),
  }),
  paypal: z.object({ clientId: trimmed(200), clientSecret: trimmed(200) }),
  razorpay: z.object({
    keyId: z.string().regex(/^rzp_(test|live)_\w{6,}$/, 'must look like rzp_test_...'),
    keySecret: trimmed(200),
  }),
  authorize_net: z.object({ apiLoginId: trimmed(25), transactionKey: z.string().regex(/^\w{16}$/, 'must be 16 characters') }),
  wallet: z.object({ merchantId: trimmed(100), privateKey: trimmed(500) }),
}

/** Which credential fields are secrets: masked in every answer. */
export const SECRET_FIELDS = new Set(['secretKey', 'clientSecret', 'keySecret', 'transactionKey', 'privateKey'])

/** Basis points per card brand: `{ amex: 300 }` is 3 %; 10 % at most, as card network rules cap it lower still. */
const surcharges = z.partialRecord(z.enum(['visa', 'mastercard', 'amex', 'jcb']), z.number().int().min(0).max(1000)).default({})

const gatewayOf = <P extends keyof typeof credentials>(provider: P) =>
  z.object({ brandId: trimmed(100), provider: z.literal(provider), credentials: credentials[provider], surcharges })

export const gateway = z.discriminatedUnion('provider', [
  gatewayOf('stripe'),
  gatewayOf('paypal'),
  gatewayOf('razorpay'),
  gatewayOf('authorize_net'),
  gatewayOf('wallet'),
])

const shippingAddress = z.object({
  line1: trimmed(200),
  city: trimmed(100),
  postalCode: z.string().trim().max(20),
  country: z.string().regex(/^[A-Z]{2}$/),
})

/** A card, or a wallet token; amounts are checked against the session by the gateway itself. */
export const checkoutPay = z.object({
  name: trimmed(100).optional(),
  number: z.string().max(30).optional(),
  expMonth: z.number().int().min(1).max(12).optional(),
  expYear: z.number().int().min(2000).max(2100).optional(),
  cvc: z.string().max(4).optional(),
  walletToken: z.string().min(1).max(100).optional(),
  shippingAddress: shippingAddress.optional(),
  amount: z.number().int().positive().max(100_000_000_00).optional(),
  extra: z.object({ label: trimmed(100), amount: z.number().int().positive().max(100_000_000_00) }).optional(),
  approvedSurcharge: z.number().int().min(0).max(100_000_000_00).optional(),
})

export const challengeResult = z.object({ result: z.enum(['pass', 'fail']) })

export const walletSignIn = z.object({ email: z.email().max(200), password: z.string().max(200) })

export const cancelCheckout = z.object({ reason: z.enum(['payer', 'timeout']).default('payer') })

export const transfer = z.object({ operatorId: trimmed(100) })

export const renewalOutcome = z.object({ outcome: z.enum(['approved', 'declined']) })

export const clockAdvance = z.object({ advanceMs: z.number().int().min(0).max(366 * 24 * 3_600_000) })

export const settle = z.object({ outcome: z.enum(['paid', 'failed']) })

export const mockInbound = z.object({
  from: z.string().regex(/^\d{6,15}$/, 'must be the sender’s phone number in digits, e.g. "15551234567"'),
  name: z.string().overwrite(withoutBidiControls).trim().max(100).optional(),
  text: messageText,
  /** The business number written to; the first brand with WhatsApp when omitted. */
  to: z.string().regex(/^\d{6,15}$/).optional(),
})

/** A status the simulated phone reports; `failed` carries Meta's error (default 131026, undeliverable). */
export const mockStatus = z.discriminatedUnion('status', [
  z.object({ status: z.enum(['sent', 'delivered', 'read']) }),
  z.object({
    status: z.literal('failed'),
    error: z
      .object({ code: z.number().int(), title: z.string().trim().min(1).max(200), details: z.string().trim().min(1).max(500) })
      .default({ code: 131026, title: 'Message undeliverable', details: 'The recipient’s phone could not be reached.' }),
  }),
])

const cannedResponseFields = z.object({ name: displayName(80), text: messageText })
/** `brandId` omitted or null: shared by every brand (only an admin makes those). */
export const cannedResponse = cannedResponseFields.extend({ brandId: trimmed(100).nullable().optional() })
/** A reply's brand is fixed once it is made. */
export const cannedResponsePatch = cannedResponseFields.partial().refine((p) => Object.keys(p).length > 0, {
  message: 'give name or text',
})

export const sendTemplate = z.object({
  templateId: z.string().trim().min(1),
  parameters: templateParameters.optional(),
  urlSuffix: z.string().max(500).optional(),
})

export const creditPurchase = z.object({ amount: z.number().int().min(1).max(1_000_000) })

export const autoRecharge = z.object({
  enabled: z.boolean(),
  minimumBalance: z.number().int().min(0).max(1_000_000),
  rechargeAmount: z.number().int().min(0).max(1_000_000),
})
