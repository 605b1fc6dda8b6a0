import type { CatalogKey } from '../i18n/catalogs/en'
import type { Translate } from '../i18n/locale'
import type { ChatError, ChatErrorCode } from '../store/chat-error'

/**
 * The sentence of each store code. A failure the client cannot classify says only that something
 * went wrong: where it shows (the card, the message, the start notice) says what.
 */
const SENTENCES: Record<Exclude<ChatErrorCode, 'server'>, CatalogKey> = {
  offline: 'error_offline',
  timeout: 'error_timeout',
  unsafe_checkout_link: 'error_unsafe_checkout_link',
  unsafe_whatsapp_link: 'error_unsafe_whatsapp_link',
  not_started: 'error_not_started',
  send_failed: 'error_generic',
  start_failed: 'error_generic',
  older_failed: 'error_generic',
  checkout_failed: 'error_generic',
  decline_failed: 'error_generic',
  handoff_failed: 'error_generic',
}

/**
 * A store error in the visitor's words. A refusal (4xx) reads as its server code's sentence when the
 * catalog has one, else as the generic one: never as the server's `message`, which is English.
 */
export function errorText(error: ChatError, t: Translate): string {
  if (error.code !== 'server') return t(SENTENCES[error.code])
  if (error.status >= 500) return t('error_server')
  return t(`server_${error.serverCode}` as CatalogKey) || t('error_generic')
}
