type Handler<P> = (payload: P) => void

export interface Emitter<M> {
  on<K extends keyof M>(name: K, handler: Handler<M[K]>): () => void
  emit<K extends keyof M>(name: K, payload: M[K]): void
  clear(): void
}

/**
 * Typed events for the host page. A throwing handler is reported, never breaks the widget. Handlers
 * are checked by the callers (createWidget's `on`, the loader's `Paychat('on')`), not here, where
 * the message would weigh on the script-tag build.
 */
export function createEmitter<M>(): Emitter<M> {
  const handlers = new Map<keyof M, Set<Handler<never>>>()
  return {
    on(name, handler) {
      const set = handlers.get(name) ?? new Set()
      handlers.set(name, set)
      set.add(handler as Handler<never>)
      return () => set.delete(handler as Handler<never>)
    },
    emit(name, payload) {
      for (const handler of handlers.get(name) ?? []) {
        try {
          ;(handler as Handler<typeof payload>)(payload)
        } catch (error) {
          console.error(error)
        }
      }
    },
    clear: () => handlers.clear(),
  }
}
