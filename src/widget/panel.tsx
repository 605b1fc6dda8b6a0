import { useEffect, useRef } from 'preact/hooks'
import { Composer } from './composer'
import { MessageList } from './message-list'
import { useStore } from './use-store'
import { WhatsAppButton } from './whatsapp-button'
import { useWidget } from './widget-context'

/**
 * The open chat: a labelled dialog that takes focus into the composer (when `focus`) and closes on
 * Escape. Without `onClose` (inline) it is a labelled region of the page, with no close button.
 */
export function Panel({ onClose, focus = true }: { onClose?: () => void; focus?: boolean }) {
  const { store, t } = useWidget()
  const brand = useStore(store, (s) => s.brand)
  const phase = useStore(store, (s) => s.phase)
  const error = useStore(store, (s) => s.error)
  const connection = useStore(store, (s) => s.connection)
  const notice = useStore(store, (s) => s.notice)
  const input = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    if (focus) input.current?.focus()
  }, [])

  return (
    <section
      class="pc-panel"
      role={onClose ? 'dialog' : 'region'}
      aria-labelledby="pc-title"
      onKeyDown={(event) => {
        // Escape while composing cancels the IME candidate, not the chat.
        if (event.key === 'Escape' && !event.isComposing) onClose?.()
      }}
    >
      <div class="pc-header">
        <h2 id="pc-title">{brand?.name ?? '\u00a0'}</h2>
        {onClose && (
          <button type="button" class="pc-close" aria-label={t('closeChat')} onClick={onClose}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        )}
      </div>
      {connection === 'reconnecting' && (
        <p class="pc-notice" role="status">
          {t('reconnecting')}
        </p>
      )}
      {notice && (
        <p class="pc-notice" role="status">
          {notice}
        </p>
      )}
      {phase === 'starting' && !brand && <p class="pc-notice">{t('connecting')}</p>}
      {phase === 'error' && (
        <p class="pc-notice pc-failed" role="alert">
          {error ?? t('startFailed')}{' '}
          <button type="button" class="pc-link" onClick={() => void store.getState().start()}>
            {t('tryAgain')}
          </button>
        </p>
      )}
      <MessageList />
      <WhatsAppButton />
      <Composer inputRef={input} />
    </section>
  )
}
