import { z } from 'zod'

/** The Cloud API's limits: at most 10 buttons, of which at most 2 URL buttons. */
const MAX_BUTTONS = 10
const MAX_URL_BUTTONS = 2

const button = z.discriminatedUnion('type', [
  z.object({ type: z.literal('QUICK_REPLY'), text: z.string().trim().min(1).max(25) }),
  z.object({
    type: z.literal('URL'),
    text: z.string().trim().min(1).max(25),
    url: z
      .string()
      .max(2000)
      .regex(/^https:\/\/[^\s{}]+(\{\{1\}\})?$/, 'must be an https URL, optionally ending in one {{1}} dynamic suffix'),
    example: z.array(z.string()).max(1).optional(),
  }),
  z.object({
    type: z.literal('PHONE_NUMBER'),
    text: z.string().trim().min(1).max(25),
    phone_number: z.string().regex(/^\+?\d{6,20}$/, 'must be a phone number in international digits'),
  }),
])

const component = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('HEADER'),
    format: z.literal('TEXT'),
    text: z.string().trim().min(1).max(60),
    example: z.object({ header_text: z.array(z.string()) }).optional(),
  }),
  z.object({
    type: z.literal('BODY'),
    text: z.string().trim().min(1).max(1024),
    example: z
      .object({
        body_text: z.array(z.array(z.string())).optional(),
        body_text_named_params: z.array(z.object({ param_name: z.string(), example: z.string() })).optional(),
      })
      .optional(),
  }),
  z.object({ type: z.literal('FOOTER'), text: z.string().trim().min(1).max(60) }),
  z.object({
    type: z.literal('BUTTONS'),
    buttons: z
      .array(button)
      .min(1)
      .max(MAX_BUTTONS)
      .refine((all) => all.filter((b) => b.type === 'URL').length <= MAX_URL_BUTTONS, `at most ${MAX_URL_BUTTONS} URL buttons`),
  }),
])

export const templateInput = z.object({
  brandId: z.string().trim().min(1),
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'must be lowercase letters, digits and underscores'),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a language code such as "en_US", "ja" or "zh_CN"'),
  category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
  parameterFormat: z.enum(['POSITIONAL', 'NAMED']).default('POSITIONAL'),
  components: z
    .array(component)
    .min(1)
    .refine((all) => all.filter((c) => c.type === 'BODY').length === 1, 'must have exactly one BODY')
    .refine((all) => new Set(all.map((c) => c.type)).size === all.length, 'each component type at most once'),
})

export const templatePatch = templateInput.omit({ brandId: true }).partial()

export const templateReview = z.object({
  decision: z.enum(['APPROVED', 'REJECTED']),
  reason: z.string().trim().max(500).optional(),
})

export const templateQuality = z.object({ status: z.enum(['APPROVED', 'PAUSED', 'DISABLED']) })
