const KEY = 'paychat.operatorToken'
export const DEFAULT_TOKEN = 'op_demo'

/** The operator token of the last visit, or the demo one. Storage can be off (private mode): then the default. */
export function loadToken(storage: Storage | undefined): string {
  try {
    return storage?.getItem(KEY) || DEFAULT_TOKEN
  } catch {
    return DEFAULT_TOKEN
  }
}

export function saveToken(storage: Storage | undefined, token: string): void {
  try {
    storage?.setItem(KEY, token)
  } catch {
    // Not kept across visits then; the console still works with it now.
  }
}
