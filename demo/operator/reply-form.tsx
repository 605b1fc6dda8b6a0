import { useState } from 'preact/hooks'
import { t } from './i18n'

interface ReplyFormProps {
  /** The reply box's text; kept by the pane so a canned reply can be inserted into it. */
  text: string
  onTextChange(text: string): void
  onSend(text: string): Promise<boolean>
  /** WhatsApp's window is closed: free text will be refused, say so and point to the templates. */
  needsTemplate: boolean
  onChooseTemplate(): void
}

/** Enter sends, Shift+Enter breaks the line; the text stays if sending fails. */
export function ReplyForm({ text, onTextChange, onSend, needsTemplate, onChooseTemplate }: ReplyFormProps) {
  const [sending, setSending] = useState(false)

  async function send() {
    const trimmed = text.trim()
    if (!trimmed || sending) return
    setSending(true)
    try {
      if (await onSend(trimmed)) onTextChange('')
    } finally {
      setSending(false)
    }
  }

  return (
    <form
      class="reply-form"
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
    >
      <label for="reply">{t('reply')}</label>
      {needsTemplate && (
        // Not disabled: this machine's clock may differ from the server's, which has the last word.
        <p id="reply-needs-template" class="reply-note">
          {t('replyNeedsTemplate')}{' '}
          <button type="button" class="link" onClick={onChooseTemplate}>
            {t('chooseTemplate')}
          </button>
        </p>
      )}
      <textarea
        id="reply"
        rows={2}
        value={text}
        aria-describedby={needsTemplate ? 'reply-needs-template' : undefined}
        onInput={(event) => onTextChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault()
            void send()
          }
        }}
      />
      <button type="submit" disabled={sending || !text.trim()}>
        {t('sendReply')}
      </button>
    </form>
  )
}
