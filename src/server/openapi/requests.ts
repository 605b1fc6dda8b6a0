import type { z } from 'zod'
import { gatewayEventSchema } from '../gateway/gateway-event'
import * as schema from '../schemas'
import { templateInput, templatePatch, templateQuality, templateReview } from '../templates/template-schema'
import { cloudApiSendRequest } from '../whatsapp/cloud-api-request'
import { webhookPayload } from '../whatsapp/webhook-payload'

/**
 * Request bodies, by their name under `components/schemas`: the very zod schemas the handlers
 * validate with, turned into JSON Schema as they accept input (defaults optional, extra fields
 * allowed), so the document cannot say anything the server does not check. Refinements that JSON
 * Schema cannot say (Luhn, minor units of a currency, "at least one field") are in the descriptions.
 */
export const requestSchemas = {
  CreateSessionBody: schema.createSession,
  IdentifyBody: schema.identify,
  SendMessageBody: schema.sendMessage,
  OperatorMessageBody: schema.operatorMessage,
  PaymentPageBody: schema.paymentPage,
  PaymentPagePatchBody: schema.paymentPagePatch,
  GatewayBody: schema.gateway,
  SharePaymentRequestBody: schema.sharePaymentRequest,
  CheckoutPayBody: schema.checkoutPay,
  ChallengeResultBody: schema.challengeResult,
  WalletSignInBody: schema.walletSignIn,
  CancelCheckoutBody: schema.cancelCheckout,
  TransferBody: schema.transfer,
  CannedResponseBody: schema.cannedResponse,
  CannedResponsePatchBody: schema.cannedResponsePatch,
  TemplateBody: templateInput,
  TemplatePatchBody: templatePatch,
  SendTemplateBody: schema.sendTemplate,
  CreditPurchaseBody: schema.creditPurchase,
  AutoRechargeBody: schema.autoRecharge,
  GatewayEvent: gatewayEventSchema,
  WhatsAppWebhookPayload: webhookPayload,
  GraphSendRequest: cloudApiSendRequest,
  MockClockBody: schema.clockAdvance,
  MockInboundBody: schema.mockInbound,
  MockStatusBody: schema.mockStatus,
  MockSettleBody: schema.settle,
  MockRenewalOutcomeBody: schema.renewalOutcome,
  TemplateReviewBody: templateReview,
  TemplateQualityBody: templateQuality,
} satisfies Record<string, z.ZodType>

export type RequestSchemaName = keyof typeof requestSchemas

/** Query strings, validated by the handlers with these schemas (each property one parameter). */
export const querySchemas = { page: schema.page }

/** Header values the handlers parse with a schema. */
export const headerSchemas = { idempotencyKey: schema.idempotencyKey }
