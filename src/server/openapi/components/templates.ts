import { z } from 'zod'
import type { MessageTemplate, TemplateButton, TemplateComponent } from '../../../protocol/types'
import { exactly } from '../exact'
import { timestamp } from './primitives'

export const templateButton = exactly<TemplateButton>()(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('QUICK_REPLY'), text: z.string() }),
    z.object({ type: z.literal('URL'), text: z.string(), url: z.string(), example: z.array(z.string()).optional() }),
    z.object({ type: z.literal('PHONE_NUMBER'), text: z.string(), phone_number: z.string() }),
  ]),
)

export const templateComponent = exactly<TemplateComponent>()(
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('HEADER'),
      format: z.literal('TEXT'),
      text: z.string(),
      example: z.object({ header_text: z.array(z.string()) }).optional(),
    }),
    z.object({
      type: z.literal('BODY'),
      text: z.string(),
      example: z
        .object({
          body_text: z.array(z.array(z.string())).optional(),
          body_text_named_params: z.array(z.object({ param_name: z.string(), example: z.string() })).optional(),
        })
        .optional(),
    }),
    z.object({ type: z.literal('FOOTER'), text: z.string() }),
    z.object({ type: z.literal('BUTTONS'), buttons: z.array(templateButton) }),
  ]),
)

export const messageTemplate = exactly<MessageTemplate>()(
  z
    .object({
      id: z.string(),
      brandId: z.string(),
      name: z.string(),
      language: z.string(),
      category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
      parameterFormat: z.enum(['POSITIONAL', 'NAMED']),
      components: z.array(templateComponent),
      status: z.enum(['DRAFT', 'PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED']),
      rejectedReason: z.string().nullable(),
      createdAt: timestamp,
      updatedAt: timestamp,
    })
    .meta({ description: 'An approved-message template for WhatsApp, with its review status.' }),
)
