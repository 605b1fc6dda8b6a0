import { headerSchemas } from '../requests'
import type { Parameter } from '../operation'

/** Parameters several routes share. */
export const brandIdQuery: Parameter = {
  name: 'brandId',
  in: 'query',
  description: 'Only those of this brand.',
  schema: { type: 'string' },
}

export const lastEventIdHeader: Parameter = {
  name: 'Last-Event-ID',
  in: 'header',
  description: 'Replay every event after this id first, then stream live ones; without it, only live ones.',
  schema: { type: 'string', pattern: '^\\d+$' },
}

export const lastEventIdQuery: Parameter = {
  name: 'lastEventId',
  in: 'query',
  description: 'The same as the `Last-Event-ID` header, for clients (EventSource) that cannot set headers.',
  schema: { type: 'string', pattern: '^\\d+$' },
}

export const idempotencyKeyHeader = (required: boolean, description: string): Parameter => ({
  name: 'Idempotency-Key',
  in: 'header',
  required,
  description,
  schema: headerSchemas.idempotencyKey,
})
