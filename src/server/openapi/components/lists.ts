import { z } from 'zod'
import { brand } from './brand'
import { cannedResponse } from './canned-responses'
import { gateway, paymentPage, transaction } from './catalog'
import { conversationSummary, operatorProfile } from './conversation'
import { messageTemplate } from './templates'
import { outboundWhatsApp } from './whatsapp'

/** The list answers of the operator API and the mock outbox: each one array under a named field. */
export const brandList = z.object({ brands: z.array(brand) })
export const conversationList = z.object({
  conversations: z.array(conversationSummary).meta({ description: 'Most recently updated first.' }),
})
export const paymentPageList = z.object({ paymentPages: z.array(paymentPage) })
export const gatewayList = z.object({ gateways: z.array(gateway) })
export const transactionList = z.object({ transactions: z.array(transaction).meta({ description: 'Oldest first.' }) })
export const operatorList = z.object({ operators: z.array(operatorProfile) })
export const cannedResponseList = z.object({ cannedResponses: z.array(cannedResponse).meta({ description: 'By name.' }) })
export const templateList = z.object({ templates: z.array(messageTemplate) })
export const outbox = z.object({ messages: z.array(outboundWhatsApp) })
