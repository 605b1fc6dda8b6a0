import { useComputed } from '@preact/signals'
import { useState } from 'preact/hooks'
import { ChatFailure } from '../store/chat-error'
import { errorText } from './error-text'
import { useWidget } from './widget-context'

/**
 * "Continue on WhatsApp": like Pay now, the window opens inside the click and is pointed at the
 * wa.me link once the server has issued the handoff code.
 */
export function WhatsAppButton() {
  const { store, chat, t } = useWidget()
  const available = useComputed(() => chat.brand.value?.whatsapp === true && chat.conversation.value !== null).value
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!available) return null

  const onClick = async () => {
    setError(null)
    setBusy(true)
    const win = window.open('about:blank', '_blank')
    try {
      const { url } = await store.getState().continueOnWhatsApp()
      if (win && !win.closed) win.location.href = url
      else window.location.href = url
    } catch (failure) {
      win?.close()
      setError(errorText(failure instanceof ChatFailure ? failure.reason : { code: 'handoff_failed' }, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="pc-handoff">
      <button type="button" class="pc-button pc-whatsapp" disabled={busy} onClick={onClick}>
        {t('continueOnWhatsApp')}
      </button>
      {error && (
        <p class="pc-failed" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
