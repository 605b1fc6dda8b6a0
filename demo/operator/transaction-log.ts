import type { Transaction } from '../../src/protocol/types'

/**
 * A conversation's payment attempts, oldest first. The history read and the live events overlap (an
 * attempt recorded while the read was in flight comes both ways): each attempt is kept once, by id.
 * `first` goes first where two attempts share an instant, so the server's read keeps its own order.
 */
export function mergeTransactions(first: readonly Transaction[], second: readonly Transaction[]): Transaction[] {
  const ids = new Set(first.map((t) => t.id))
  const merged = [...first, ...second.filter((t) => !ids.has(t.id))]
  // Array sort is stable: attempts of the same instant stay in the order they were recorded.
  return merged.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}
