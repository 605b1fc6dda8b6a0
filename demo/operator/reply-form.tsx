import { useState } from 'preact/hooks'

/** Enter sends, Shift+Enter breaks the line; the text stays if sending fails. */
export function ReplyForm({ onSend }: { onSend(text: string): Promise<boolean> }) {
  const [text, setText] = useState('')
  const [sending, setSending] = useState(false)

  async function send() {
    const trimmed = text.trim()
    if (!trimmed || sending) return
    setSending(true)
    try {
      if (await onSend(trimmed)) setText('')
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
      <label for="reply">Reply</label>
      <textarea
        id="reply"
        rows={2}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault()
            void send()
          }
        }}
      />
      <button type="submit" disabled={sending || !text.trim()}>
        Send reply
      </button>
    </form>
  )
}
