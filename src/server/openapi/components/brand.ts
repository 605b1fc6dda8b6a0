import { z } from 'zod'
import type { Brand, IdentifyResponse, PublicBrand, SessionResponse } from '../../../protocol/types'
import { exactly } from '../exact'
import { conversation } from './conversation'

const brandFields = {
  id: z.string(),
  name: z.string(),
  currency: z.string(),
  color: z.string().meta({ description: 'Accent colour, `#rrggbb`.' }),
  greeting: z.string(),
  checkoutOrigins: z.array(z.string()),
  linkOrigins: z.array(z.string()),
}

/** What the widget may know about a brand. */
export const publicBrand = exactly<PublicBrand>()(z.object({ ...brandFields, whatsapp: z.boolean() }))

/** An operator's view of a brand. */
export const brand = exactly<Brand>()(
  z.object({
    ...brandFields,
    widgetKey: z.string(),
    allowedOrigins: z.array(z.string()),
    whatsappNumber: z.string().nullable(),
  }),
)

export const identifyResponse = exactly<IdentifyResponse>()(
  z.object({ visitor: z.object({ name: z.string().nullable(), email: z.string(), verified: z.boolean() }) }),
)

export const sessionResponse = exactly<SessionResponse>()(
  z.object({
    session: z.object({ token: z.string(), visitorId: z.string(), resumed: z.boolean() }),
    brand: publicBrand,
    conversation,
  }),
)
