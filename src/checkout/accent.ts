/** A brand's accent colour when it is a plain `#rrggbb`, else the page's default (never raw CSS). */
export function safeAccent(color: string, fallback = '#1f6feb'): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : fallback
}

/**
 * Black or white, whichever reads better on `hex` (WCAG relative luminance): a pale brand colour
 * gets dark button text, a deep one white.
 */
export function textColorOn(hex: string): '#000000' | '#ffffff' {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  // Contrast with white is 1.05 / (L + 0.05), with black (L + 0.05) / 0.05; they are equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff'
}
