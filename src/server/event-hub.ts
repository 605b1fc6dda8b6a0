import type { ConversationEvent, OperatorEvent } from '../protocol/types'

export interface LoggedEvent<E> {
  id: number
  event: E
}

type Listener<E> = (entry: LoggedEvent<E>) => void

/** An append-only log with live listeners: ids start at 1 and grow by one, so a resume is a slice. */
export class EventLog<E> {
  private readonly entries: LoggedEvent<E>[] = []
  private readonly listeners = new Set<Listener<E>>()
  private readonly ending = new AbortController()

  /** Aborts when the log ends (a reset): open streams then close, and their clients reconnect. */
  get ended(): AbortSignal {
    return this.ending.signal
  }

  end(): void {
    this.ending.abort()
  }

  get lastId(): number {
    return this.entries.length
  }

  append(event: E): LoggedEvent<E> {
    const entry = { id: this.entries.length + 1, event }
    this.entries.push(entry)
    for (const listener of this.listeners) listener(entry)
    return entry
  }

  /** Entries after `id`, oldest first. */
  since(id: number): LoggedEvent<E>[] {
    return this.entries.slice(Math.max(0, id))
  }

  listen(listener: Listener<E>): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** One log per conversation for visitors, and one across all conversations for operators. */
export class EventHub {
  private readonly conversations = new Map<string, EventLog<ConversationEvent>>()
  readonly operator = new EventLog<OperatorEvent>()

  conversation(id: string): EventLog<ConversationEvent> {
    let log = this.conversations.get(id)
    if (!log) this.conversations.set(id, (log = new EventLog()))
    return log
  }

  /** Ends every log, so no stream keeps listening to a state that was reset. */
  end(): void {
    for (const log of this.conversations.values()) log.end()
    this.operator.end()
  }

  emit(event: ConversationEvent): void {
    this.conversation(event.conversationId).append(event)
    this.operator.append(event)
  }

  /** Events only the operators' stream carries (delivery statuses, new conversations). */
  emitToOperators(event: OperatorEvent): void {
    this.operator.append(event)
  }
}
