import type { z } from 'zod'
import { ApiFailure } from './api-error'
import { idempotencyKey } from './schemas'

/** Largest JSON body accepted. Messages are at most 4000 characters; nothing legitimate comes close. */
export const MAX_BODY_BYTES = 64 * 1024

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  })
}

/** Reads and validates a JSON body; a missing body validates as `{}` so required fields are named. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const text = await readRawBody(request)
  let data: unknown = {}
  if (text.trim()) {
    try {
      data = JSON.parse(text)
    } catch {
      throw new ApiFailure(400, 'invalid_json', 'The request body is not valid JSON.')
    }
  }
  return parse(schema, data)
}

/**
 * The body as text, refused as soon as it passes the limit: a chunked upload with no Content-Length
 * is counted while it streams in rather than buffered whole first.
 */
export async function readRawBody(request: Request): Promise<string> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge()
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      // Not awaited: msw's intercepted bodies never settle a cancel, and the answer need not wait.
      reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  return new Blob(chunks).text()
}

export function parse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const field = issue.path.join('.')
  const refused = issue.code === 'custom' ? (issue.params as { status?: number; code?: string } | undefined) : undefined
  if (refused?.status && refused.code) throw new ApiFailure(refused.status, refused.code, issue.message, field || undefined)
  throw new ApiFailure(400, 'validation_failed', field ? `${field}: ${issue.message}` : issue.message, field || undefined)
}

const tooLarge = () => new ApiFailure(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`)

export function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')
  return match ? match[1]! : null
}

/** Compares secrets in time that does not depend on where they first differ. */
export function safeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0)
  return diff === 0
}

/**
 * The call's `Idempotency-Key`, where a repeat could pay twice (Pay now, paying on the checkout page):
 * without one the call is refused before it does anything, `400 idempotency_key_required`.
 */
export function requireIdempotencyKey(request: Request): string {
  const key = request.headers.get('idempotency-key')
  if (key === null) throw new ApiFailure(400, 'idempotency_key_required', 'Send an Idempotency-Key header so a retry cannot pay twice.')
  return parse(idempotencyKey, key)
}
