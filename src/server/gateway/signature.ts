import { ApiFailure } from '../api-error'
import { safeEqual } from '../http'
import { hmacSha256Hex } from '../whatsapp/signature'

/** How far a signature's timestamp may be from the receiver's clock, either way, before replay is assumed. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

/**
 * `t=<unix>,v1=<hex>[,v1=<hex>…]`: one `v1` per secret, HMAC-SHA256 of `"<t>.<raw body>"`, the way hosted
 * gateways sign webhooks. Signing with both secrets during a rotation lets receivers switch at their pace.
 */
export async function signatureHeader(secrets: readonly string[], rawBody: string, unixSeconds: number): Promise<string> {
  const signatures = await Promise.all(secrets.map((secret) => hmacSha256Hex(secret, `${unixSeconds}.${rawBody}`)))
  return [`t=${unixSeconds}`, ...signatures.map((v1) => `v1=${v1}`)].join(',')
}

/**
 * Accepts the body when any `v1` matches any of the receiver's `secrets` (compared in constant time)
 * and `t` is within the tolerance of `nowSeconds`; otherwise throws a 400 that says which check failed.
 */
export async function verifySignature(
  header: string | null,
  rawBody: string,
  secrets: readonly string[],
  nowSeconds: number,
): Promise<void> {
  const parts = (header ?? '').split(',').map((part) => part.trim().split('='))
  const timestamp = parts.find(([key]) => key === 't')?.[1]
  const given = parts.filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/i.test(value ?? '')).map(([, value]) => value!.toLowerCase())
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || given.length === 0) {
    throw new ApiFailure(400, 'signature_invalid', 'Paychat-Signature must be "t=<unix seconds>,v1=<hex HMAC-SHA256>".')
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) {
    throw new ApiFailure(400, 'timestamp_out_of_tolerance', `The signature's timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} s from the server's clock.`)
  }
  const expected = await Promise.all(secrets.map((secret) => hmacSha256Hex(secret, `${timestamp}.${rawBody}`)))
  // Every pair is compared, so the time taken does not reveal which one matched.
  let matched = false
  for (const signature of given) for (const candidate of expected) matched = safeEqual(signature, candidate) || matched
  if (!matched) throw new ApiFailure(400, 'signature_invalid', 'No v1 signature matches the body signed with the webhook secret.')
}
