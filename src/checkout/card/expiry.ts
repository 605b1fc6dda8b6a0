/** A card's expiry: valid through the last day of `month` in `year` (four digits). */
export interface Expiry {
  month: number
  year: number
}

/**
 * Reads "MM/YY" as typed, tolerating "MM / YY", "MM-YY", "MMYY" and a four-digit year.
 * Returns null for anything else, including a month outside 1-12.
 */
export function parseExpiry(input: string): Expiry | null {
  const text = input.trim()
  const match = /^(\d{1,2})\s*[/\-.]\s*(\d{2}|\d{4})$/.exec(text) ?? /^(\d{2})(\d{2})$/.exec(text)
  if (!match) return null
  const month = Number(match[1])
  const yearText = match[2] ?? ''
  if (month < 1 || month > 12) return null
  return { month, year: yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText) }
}

/** True once the expiry month is over: a card expiring "06/30" still works on 30 June 2030. */
export function isExpired(expiry: Expiry, now: Date): boolean {
  const thisYear = now.getFullYear()
  const thisMonth = now.getMonth() + 1
  return expiry.year < thisYear || (expiry.year === thisYear && expiry.month < thisMonth)
}

/**
 * Shapes the expiry field while typing: "12" becomes "12/", "4" becomes "04/", a pasted "1/2034"
 * becomes "01/34". When the text got shorter (a deletion) it is left alone so Backspace can remove
 * the slash.
 */
export function formatExpiryInput(next: string, previous: string): string {
  if (next.length < previous.length) return next.replace(/[^\d/]/g, '')
  const separated = /^\s*(\d{1,2})\s*[/\-. ]+\s*(\d*)\s*$/.exec(next)
  if (separated) {
    const month = (separated[1] ?? '').padStart(2, '0')
    const year = separated[2] ?? ''
    return `${month}/${year.length === 4 ? year.slice(2) : year.slice(0, 2)}`
  }
  const digits = next.replace(/\D/g, '').slice(0, 4)
  if (digits.length === 1 && Number(digits) > 1) return `0${digits}/`
  if (digits.length >= 2) return `${digits.slice(0, 2)}/${digits.slice(2)}`
  return digits
}
