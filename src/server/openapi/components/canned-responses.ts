import { z } from 'zod'
import type { CannedResponse, FilledCannedResponse } from '../../../protocol/types'
import { exactly } from '../exact'
import { timestamp } from './primitives'

export const cannedResponse = exactly<CannedResponse>()(
  z.object({ id: z.string(), name: z.string(), text: z.string(), createdAt: timestamp, updatedAt: timestamp }),
)

export const filledCannedResponse = exactly<FilledCannedResponse>()(
  z.object({
    text: z.string(),
    missing: z.array(z.string()).meta({ description: 'Merge fields with no value in this conversation, kept as written.' }),
  }),
)
