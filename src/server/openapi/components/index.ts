import type { z } from 'zod'
import { brand, identifyResponse, publicBrand, sessionResponse } from './brand'
import { cannedResponse, filledCannedResponse } from './canned-responses'
import { gateway, paymentPage, transaction } from './catalog'
import {
  checkoutChallenge,
  checkoutPayResult,
  checkoutSessionLink,
  checkoutSessionView,
  gatewayWebhookReceipt,
  shippingAddress,
  walletSignIn,
} from './checkout'
import { conversation, conversationSummary, operator, operatorProfile, whatsappContact } from './conversation'
import { creditEntry, credits } from './credits'
import { openApiDocument } from './document'
import { apiError } from './errors'
import { conversationEvent, operatorEvent, replayIncompleteEvent } from './events'
import * as lists from './lists'
import { message, messageAuthor, messageDelivery, messagePage, renderedTemplate } from './message'
import { mockClock, mockDelivered, webhookSecret } from './mock'
import { billing, money } from './money'
import { charge, paymentFailure, paymentReceipt, paymentRequest, subscription } from './payment-request'
import { timestamp } from './primitives'
import { messageTemplate, templateButton, templateComponent } from './templates'
import { graphError, graphSendResponse, outboundWhatsApp, whatsappHandoff, whatsappWebhookReceipt } from './whatsapp'

/**
 * What the server answers, by the name it has under `components/schemas`: the wire types of
 * `src/protocol/types.ts` (checked to be exactly those types, see `exact.ts`) and a few answers of
 * their own. A schema used inside another one is referenced by `$ref`, never copied.
 */
export const responseSchemas = {
  ApiError: apiError,
  Timestamp: timestamp,
  Money: money,
  Billing: billing,
  PaymentFailure: paymentFailure,
  PaymentReceipt: paymentReceipt,
  Charge: charge,
  Subscription: subscription,
  PaymentRequest: paymentRequest,
  MessageAuthor: messageAuthor,
  MessageDelivery: messageDelivery,
  RenderedTemplate: renderedTemplate,
  Message: message,
  MessagePage: messagePage,
  Conversation: conversation,
  Operator: operator,
  OperatorProfile: operatorProfile,
  WhatsAppContact: whatsappContact,
  ConversationSummary: conversationSummary,
  PublicBrand: publicBrand,
  Brand: brand,
  SessionResponse: sessionResponse,
  IdentifyResponse: identifyResponse,
  WhatsAppHandoff: whatsappHandoff,
  CheckoutSessionLink: checkoutSessionLink,
  CheckoutChallenge: checkoutChallenge,
  CheckoutSessionView: checkoutSessionView,
  CheckoutPayResult: checkoutPayResult,
  ShippingAddress: shippingAddress,
  WalletSignIn: walletSignIn,
  GatewayWebhookReceipt: gatewayWebhookReceipt,
  PaymentPage: paymentPage,
  Gateway: gateway,
  Transaction: transaction,
  TemplateButton: templateButton,
  TemplateComponent: templateComponent,
  MessageTemplate: messageTemplate,
  CannedResponse: cannedResponse,
  FilledCannedResponse: filledCannedResponse,
  CreditEntry: creditEntry,
  Credits: credits,
  ConversationEvent: conversationEvent,
  ReplayIncompleteEvent: replayIncompleteEvent,
  OperatorEvent: operatorEvent,
  WhatsAppWebhookReceipt: whatsappWebhookReceipt,
  OutboundWhatsApp: outboundWhatsApp,
  GraphSendResponse: graphSendResponse,
  GraphError: graphError,
  MockClock: mockClock,
  MockDelivered: mockDelivered,
  WebhookSecret: webhookSecret,
  BrandList: lists.brandList,
  ConversationList: lists.conversationList,
  PaymentPageList: lists.paymentPageList,
  GatewayList: lists.gatewayList,
  TransactionList: lists.transactionList,
  OperatorList: lists.operatorList,
  CannedResponseList: lists.cannedResponseList,
  TemplateList: lists.templateList,
  Outbox: lists.outbox,
  OpenApiDocument: openApiDocument,
} satisfies Record<string, z.ZodType>

export type ResponseSchemaName = keyof typeof responseSchemas
