/** Real time plus an offset the mock controls can advance, so tests can expire things at once. */
export interface Clock {
  now(): number
  iso(offsetMs?: number): string
  advance(ms: number): void
  reset(): void
}

export function createClock(source: () => number = Date.now): Clock {
  let offset = 0
  const now = () => source() + offset
  return {
    now,
    iso: (offsetMs = 0) => new Date(now() + offsetMs).toISOString(),
    advance: (ms) => {
      offset += ms
    },
    reset: () => {
      offset = 0
    },
  }
}
