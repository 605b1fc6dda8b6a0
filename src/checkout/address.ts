import type { ShippingAddress } from '../protocol/types'

/** One line for a shipping address: "1 Main Street, Springfield 12345, US". */
export function formatAddress(address: ShippingAddress): string {
  return `${address.line1}, ${address.city} ${address.postalCode}, ${address.country}`
}

export function sameAddress(a: ShippingAddress, b: ShippingAddress): boolean {
  return formatAddress(a) === formatAddress(b)
}
