import { safeEqual } from '../http'

/** Hex HMAC-SHA256 with WebCrypto, so the handlers run in Node and in a browser worker alike. */
export async function hmacSha256Hex(secret: string, body: string): Promise<string> {
  const encoder = new TextEncoder()
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)))
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** `X-Hub-Signature-256: sha256=<hex>` over the raw body, compared in constant time. */
export async function validSignature(secret: string, rawBody: string, header: string | null): Promise<boolean> {
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header ?? '')?.[1]?.toLowerCase()
  if (!given) return false
  return safeEqual(given, await hmacSha256Hex(secret, rawBody))
}
