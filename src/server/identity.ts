import { ApiFailure } from './api-error'
import { safeEqual } from './http'
import type { ServerState } from './state'
import { hmacSha256Hex } from './whatsapp/signature'

/**
 * Identity verification (Intercom's model): each brand has a secret that only its own server knows; it
 * signs the signed-in user's email, `userHash = hex(HMAC-SHA256(secret, email))`, and the widget sends
 * both. Never returned by the API. The secrets are `state.identitySecrets` (demo values in the README).
 */

/** 401 `identity_invalid` unless `userHash` is this brand's HMAC of `email` (compared in constant time). */
export async function verifyIdentity(state: ServerState, brandId: string, email: string | undefined, userHash: string): Promise<void> {
  const secret = state.identitySecrets[brandId]
  const expected = secret && email ? await hmacSha256Hex(secret, email) : ''
  if (!safeEqual(userHash.toLowerCase(), expected) || !expected) {
    throw new ApiFailure(401, 'identity_invalid', 'The user hash does not match this email. Make it on your server: HMAC-SHA256 of the email with the brand’s identity secret, in hex.', 'userHash')
  }
}
