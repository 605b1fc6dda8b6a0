import { useEffect, useRef } from 'preact/hooks'
import type { Ref } from 'preact'
import { useStore } from './use-store'
import { useWidget } from './widget-context'

/** Enter sends, Shift+Enter breaks the line; never waits for earlier messages to go out. */
export function Composer({ inputRef }: { inputRef: Ref<HTMLTextAreaElement> }) {
  const { store, t } = useWidget()
  const form = useRef<HTMLFormElement>(null)
  const draft = useStore(store, (s) => s.draft)

  // A refused message the visitor chose to edit comes back here, ready to fix and send.
  useEffect(() => {
    if (draft === null) return
    const input = form.current?.elements.namedItem('message') as HTMLTextAreaElement | null
    if (input) {
      input.value = draft
      input.focus()
    }
    store.getState().takeDraft()
  }, [draft])

  const submit = (event: Event) => {
    event.preventDefault()
    const input = form.current?.elements.namedItem('message') as HTMLTextAreaElement | null
    if (!input || !input.value.trim()) return
    store.getState().send(input.value)
    input.value = ''
  }

  return (
    <form ref={form} class="pc-composer" onSubmit={submit}>
      <textarea
        ref={inputRef}
        name="message"
        rows={1}
        aria-label={t('message')}
        placeholder={t('typeMessage')}
        maxLength={4000}
        onKeyDown={(event) => {
          // isComposing: Enter also confirms a Japanese or Chinese IME candidate; that must not send.
          // keyCode 229: Safari fires that Enter after compositionend, with isComposing already false.
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) submit(event)
        }}
      />
      <button type="submit" class="pc-button pc-primary">
        {t('send')}
      </button>
    </form>
  )
}
