import { useState } from 'preact/hooks'

/** A cause as the operator reads it: the server's own sentence when it refused. */
export function errorMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

/**
 * One request at a time from a form or a panel: `busy` while it runs, and the server's sentence
 * kept next to the form when it refuses (the panel is where the operator is looking).
 */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  /** True when the action succeeded. */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true)
    setError(null)
    try {
      await action()
      return true
    } catch (cause) {
      setError(errorMessage(cause))
      return false
    } finally {
      setBusy(false)
    }
  }

  return { busy, error, run, clearError: () => setError(null) }
}
