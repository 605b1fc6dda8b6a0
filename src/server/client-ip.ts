/**
 * Who is calling, as far as the network can tell: what the per-address rate limit counts by.
 *
 * A Request carries no socket, so the Node adapter (`node.ts`) passes the peer address in this header.
 * It deletes any copy the client sent before setting its own, so over real HTTP it cannot be forged;
 * any other adapter in front of these handlers must do the same. Browsers cannot send it cross-origin
 * either: it is not among the headers CORS allows.
 */
export const CLIENT_IP_HEADER = 'x-paychat-client-ip'

/** Without an adapter (MSW in a test or a browser tab) every call comes from the same place. */
const IN_PROCESS = 'local'

/** The rate-limit key of the caller's network address (see `networkOf`). */
export function clientIp(request: Request): string {
  const address = request.headers.get(CLIENT_IP_HEADER)?.trim()
  return address ? networkOf(address) : IN_PROCESS
}

/**
 * One key per client: an IPv4 address as it is (IPv4-mapped IPv6 included, as Node reports it on a
 * dual-stack socket), an IPv6 address by its /64, since one home or phone is handed a whole /64 and
 * would otherwise get a fresh bucket per address.
 */
export function networkOf(address: string): string {
  const ip = address.replace(/%.*$/, '').toLowerCase()
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip)
  if (mapped) return mapped[1]!
  if (!ip.includes(':')) return ip
  const groups = ipv6Groups(ip)
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded; null when it is not one. */
function ipv6Groups(ip: string): string[] | null {
  const halves = ip.split('::')
  if (halves.length > 2) return null
  const split = (part: string | undefined) =>
    // A trailing dotted IPv4 part (`::ffff:1.2.3.4`, `64:ff9b::1.2.3.4`) fills the last two groups.
    part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []
  const head = split(halves[0])
  const tail = split(halves[1])
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail]
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null
  return groups.map((group) => parseInt(group, 16).toString(16))
}
