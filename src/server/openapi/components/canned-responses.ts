import { z } from 'zod'
import type { CannedResponse, FilledCannedResponse } from '../../../protocol/types'
import { exactly } from '../exact'
import { timestamp } from './primitives'

export const cannedResponse = exactly<CannedResponse>()(
  z.object({
    id: z.string(),
    brandId: z.string().nullable().meta({ description: 'The brand whose operators use it; null when every brand shares it (only an admin makes or edits those).' }),
    name: z.string(),
    text: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
)

export const filledCannedResponse = exactly<FilledCannedResponse>()(
  z.object({
    text: z.string(),
    missing: z.array(z.string()).meta({ description: 'Merge fields with no value in this conversation, kept as written.' }),
  }),
)
