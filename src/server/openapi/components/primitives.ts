import { z } from 'zod'

/** Timestamps are ISO 8601 UTC strings (`2025-01-31T09:30:00.000Z`). */
export const timestamp = z.iso.datetime().meta({ description: 'ISO 8601 UTC, e.g. `2025-01-31T09:30:00.000Z`.' })

/** Whole numbers: counts, versions, credits, minor units. */
export const int = z.number().int()
