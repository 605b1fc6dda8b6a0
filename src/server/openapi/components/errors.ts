import { z } from 'zod'
import type { ApiErrorBody } from '../../../protocol/types'
import { exactly } from '../exact'
import { int } from './primitives'

/** Every refusal of the Paychat API (`src/server/api-error.ts`). */
export const apiError = exactly<ApiErrorBody>()(
  z
    .object({
      error: z.object({
        code: z.string().regex(/^[a-z0-9_]+$/).meta({ description: 'snake_case, stable: `validation_failed`, `not_found`, `invalid_state`, ...' }),
        message: z.string().meta({ description: 'A sentence a person can act on.' }),
        field: z.string().optional().meta({ description: 'The offending input field, when one is to blame.' }),
        whatsapp: z
          .object({ code: int, message: z.string(), fbtraceId: z.string() })
          .optional()
          .meta({ description: "When WhatsApp's Cloud API refused a send: Meta's code, message and trace id." }),
      }),
    })
    .meta({ description: '`{ "error": { code, message, field? } }`' }),
)
