/** The rows to render, `[start, end)`, and the space the rows left out take above (`top`) and below (`bottom`). */
export interface ListWindow {
  start: number
  end: number
  top: number
  bottom: number
}

/**
 * The rows of a list (each row's height in `sizes`) that the viewport `[scrollTop, scrollTop + viewport)`
 * shows, plus `overscan` rows either side. `scrollTop` is clamped to the list: `Infinity` is the bottom.
 * Linear in the rows, which is fast enough for thousands and keeps the widget small.
 */
export function windowOf(sizes: readonly number[], scrollTop: number, viewport: number, overscan: number): ListWindow {
  const count = sizes.length
  let total = 0
  for (const size of sizes) total += size
  const from = Math.max(0, Math.min(scrollTop, total - viewport))
  let start = 0
  let y = 0
  while (start < count - 1 && y + sizes[start]! <= from) y += sizes[start++]!
  let end = start
  while (end < count && (end === start || y < from + viewport)) y += sizes[end++]!
  start = Math.max(0, start - overscan)
  end = Math.min(count, end + overscan)
  let top = 0
  for (let i = 0; i < start; i++) top += sizes[i]!
  let shown = 0
  for (let i = start; i < end; i++) shown += sizes[i]!
  return { start, end, top, bottom: total - top - shown }
}
