/** How many event streams one visitor session holds open at once, unless `createServerState` says otherwise. */
export const DEFAULT_MAX_STREAMS_PER_SESSION = 5

/**
 * At most `max` open event streams per holder (a visitor session): each is a connection and a listener
 * on the server, so one token cannot hold any number. Opening one more ends the oldest, cleanly: its
 * client sees the stream end and reconnects as after any end (a tab left behind, usually).
 */
export class StreamCap {
  // A Set iterates in insertion order: the first is the oldest.
  private readonly open = new Map<string, Set<AbortController>>()

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`maxStreamsPerSession must be a whole number of at least 1, not ${max}.`)
  }

  /** The signal a new stream of `holder` ends on: when its client goes, or when it is the oldest of one too many. */
  admit(holder: string, clientGone: AbortSignal): AbortSignal {
    const stream = new AbortController()
    const streams = this.open.get(holder) ?? new Set()
    this.open.set(holder, streams)
    streams.add(stream)
    stream.signal.addEventListener('abort', () => {
      streams.delete(stream)
      if (streams.size === 0 && this.open.get(holder) === streams) this.open.delete(holder)
    })
    if (clientGone.aborted) stream.abort()
    else clientGone.addEventListener('abort', () => stream.abort(), { once: true })
    for (const oldest of streams) {
      if (streams.size <= this.max) break
      oldest.abort()
    }
    return stream.signal
  }

  /** Ends every stream (a reset). */
  clear(): void {
    for (const streams of [...this.open.values()]) for (const stream of streams) stream.abort()
  }
}
