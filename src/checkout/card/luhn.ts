/**
 * The Luhn (mod 10) checksum every card number carries. Catches a mistyped digit or two swapped
 * neighbours before the number ever leaves the page. `digits` must be digits only.
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  // Walk from the right: every second digit is doubled, and a two-digit result adds its digits (-9).
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}
