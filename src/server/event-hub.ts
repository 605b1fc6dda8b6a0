import type { ConversationEvent, OperatorEvent } from '../protocol/types'

export interface LoggedEvent<E> {
  id: number
  event: E
}

type Listener<E> = (entry: LoggedEvent<E>) => void

/**
 * An append-only log with live listeners: ids start at 1 and grow by one, so a resume is a slice. It
 * keeps the newest `capacity` entries; a resume from before those cannot be replayed (see `since`).
 */
export class EventLog<E> {
  private readonly entries: LoggedEvent<E>[] = []
  private dropped = 0

  constructor(private readonly capacity = Number.POSITIVE_INFINITY) {}
  private readonly listeners = new Set<Listener<E>>()
  // A set rather than an AbortSignal: hundreds of streams on one log would trip Node's listener warning.
  private readonly endings = new Set<() => void>()
  private over = false

  /** Whether the log has ended (a reset). */
  get ended(): boolean {
    return this.over
  }

  /** Calls `callback` when the log ends: open streams then close, and their clients reconnect. Returns an unsubscribe. */
  onEnd(callback: () => void): () => void {
    if (this.over) callback()
    else this.endings.add(callback)
    return () => this.endings.delete(callback)
  }

  end(): void {
    this.over = true
    for (const callback of this.endings) callback()
    this.endings.clear()
  }

  get lastId(): number {
    return this.dropped + this.entries.length
  }

  append(event: E): LoggedEvent<E> {
    const entry = { id: this.lastId + 1, event }
    this.entries.push(entry)
    if (this.entries.length > this.capacity) {
      this.entries.shift()
      this.dropped++
    }
    for (const listener of this.listeners) listener(entry)
    return entry
  }

  /**
   * Entries after `id`, oldest first; null when they cannot all be given: some were dropped, or the id
   * is from after this log's end (another server run, or a reset). The client then refetches instead.
   */
  since(id: number): LoggedEvent<E>[] | null {
    if (id < this.dropped || id > this.lastId) return null
    return this.entries.slice(id - this.dropped)
  }

  listen(listener: Listener<E>): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** How many events of one conversation are kept for resuming streams. */
export const CONVERSATION_LOG_CAPACITY = 500
/** The operators' log spans every conversation; a console away longer than this reloads its lists. */
export const OPERATOR_LOG_CAPACITY = 5_000

/** One log per conversation for visitors, and one across all conversations for operators. */
export class EventHub {
  private readonly conversations = new Map<string, EventLog<ConversationEvent>>()
  readonly operator = new EventLog<OperatorEvent>(OPERATOR_LOG_CAPACITY)
  /** Appends held back while a change is under way (see `holding`). */
  private held: Array<() => void> | null = null

  conversation(id: string): EventLog<ConversationEvent> {
    let log = this.conversations.get(id)
    if (!log) this.conversations.set(id, (log = new EventLog(CONVERSATION_LOG_CAPACITY)))
    return log
  }

  /** Ends every log, so no stream keeps listening to a state that was reset. */
  end(): void {
    for (const log of this.conversations.values()) log.end()
    this.operator.end()
  }

  emit(event: ConversationEvent): void {
    this.send(() => {
      this.conversation(event.conversationId).append(event)
      this.operator.append(event)
    })
  }

  /** Events only the operators' stream carries (delivery statuses, new conversations). */
  emitToOperators(event: OperatorEvent): void {
    this.send(() => this.operator.append(event))
  }

  /**
   * Runs `change` with the events it emits held back: they go out once it has returned, and never if
   * it throws, so no stream tells of a change that was undone.
   */
  holding<T>(change: () => T): T {
    const outer = this.held
    const held: Array<() => void> = []
    this.held = held
    try {
      const result = change()
      this.held = outer
      for (const append of held) this.send(append)
      return result
    } finally {
      this.held = outer
    }
  }

  private send(append: () => void): void {
    if (this.held) this.held.push(append)
    else append()
  }
}
