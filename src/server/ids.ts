/** An opaque id like `msg_9f2c...`: `bytes` random bytes as hex after the prefix. */
export function newId(prefix: string, bytes = 12): string {
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0'))
  return `${prefix}_${hex.join('')}`
}

/** A bearer secret: longer than an id because holding it is the whole authorization. */
export const newToken = (prefix: string) => newId(prefix, 24)
