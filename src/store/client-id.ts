/**
 * A fresh id for a message's `clientId` or a checkout's `Idempotency-Key` (fits `[A-Za-z0-9_-]{1,64}`).
 * `randomUUID` exists only in secure contexts, and a shop may still be served over http:.
 */
export function makeClientId(source: Partial<Pick<Crypto, 'randomUUID' | 'getRandomValues'>> | undefined = globalThis.crypto): string {
  if (typeof source?.randomUUID === 'function') return source.randomUUID()
  const bytes = new Uint8Array(16)
  if (typeof source?.getRandomValues === 'function') source.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
