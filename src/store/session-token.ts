import type { KeyValueStorage } from './types'

const sessionKey = (widgetKey: string): string => `paychat:${widgetKey}:session`

/** The saved token, or null when there is none or it cannot be read (blocked storage, foreign data). */
export function readSessionToken(storage: KeyValueStorage | null, widgetKey: string): string | null {
  try {
    const raw = storage?.getItem(sessionKey(widgetKey))
    const token: unknown = raw ? (JSON.parse(raw) as { token?: unknown } | null)?.token : null
    return typeof token === 'string' && token ? token : null
  } catch {
    return null
  }
}

export function saveSessionToken(storage: KeyValueStorage | null, widgetKey: string, token: string): void {
  try {
    storage?.setItem(sessionKey(widgetKey), JSON.stringify({ token }))
  } catch {
    // Full or blocked storage: the chat works, it just will not survive a reload.
  }
}

/** Forgets the token: the server no longer knows it, and the next start must not offer it again. */
export function clearSessionToken(storage: KeyValueStorage | null, widgetKey: string): void {
  try {
    storage?.removeItem(sessionKey(widgetKey))
  } catch {
    // Blocked storage holds nothing to forget.
  }
}
