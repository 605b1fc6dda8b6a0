import { useComputed } from '@preact/signals'
import { useEffect, useRef } from 'preact/hooks'
import { Composer } from './composer'
import { errorText } from './error-text'
import { MessageList } from './message-list'
import { WhatsAppButton } from './whatsapp-button'
import { useWidget } from './widget-context'

/**
 * The open chat: a labelled dialog that takes focus into the composer (when `focus`) and closes on
 * Escape. Without `onClose` (inline) it is a labelled region of the page, with no close button. It
 * reads no state itself: each part below reads the signals it shows, and re-renders alone.
 */
export function Panel({ onClose, focus = true }: { onClose?: () => void; focus?: boolean }) {
  const { chat, t } = useWidget()
  const input = useRef<HTMLTextAreaElement>(null)
  const title = useComputed(() => chat.brand.value?.name ?? '\u00a0')

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
        {/* Text bound to a signal: the name comes in without a render of the panel. */}
        <h2 id="pc-title">{title}</h2>
        {onClose && (
          <button type="button" class="pc-close" aria-label={t('closeChat')} onClick={onClose}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        )}
      </div>
      <Notices />
      <MessageList />
      <WhatsAppButton />
      <Composer inputRef={input} />
    </section>
  )
}

/** What the visitor should know about the chat itself: connecting, a new conversation, a failed start. */
function Notices() {
  const { store, chat, view, t } = useWidget()
  const connecting = view.connecting.value
  const notice = chat.notice.value
  const error = chat.error.value
  return (
    <>
      {connecting && (
        <p class="pc-notice" role={connecting === 'reconnecting' ? 'status' : undefined}>
          {t(connecting)}
        </p>
      )}
      {notice && (
        <p class="pc-notice" role="status">
          {t(`notice_${notice.code}`)}
        </p>
      )}
      {chat.phase.value === 'error' && (
        <p class="pc-notice pc-failed" role="alert">
          {error ? errorText(error, t) : t('startFailed')}{' '}
          <button type="button" class="pc-link" onClick={() => void store.getState().start()}>
            {t('tryAgain')}
          </button>
        </p>
      )}
    </>
  )
}
