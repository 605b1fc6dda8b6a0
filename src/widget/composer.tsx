import { useSignalEffect } from '@preact/signals'
import type { RefObject } from 'preact'
import { useWidget } from './widget-context'

/**
 * Enter sends, Shift+Enter breaks the line; never waits for earlier messages to go out. The text is the
 * view's `draft` signal, bound to the box: typing re-renders nothing, here or anywhere else.
 */
export function Composer({ inputRef }: { inputRef: RefObject<HTMLTextAreaElement> }) {
  const { store, chat, view, t } = useWidget()

  // A refused message the visitor chose to edit comes back here, ready to fix and send.
  useSignalEffect(() => {
    const returned = chat.draft.value
    if (returned === null) return
    view.draft.value = returned
    inputRef.current?.focus()
    store.getState().takeDraft()
  })

  const submit = (event: Event) => {
    event.preventDefault()
    const text = view.draft.value
    if (!text.trim()) return
    store.getState().send(text)
    view.draft.value = ''
  }

  return (
    <form class="pc-composer" onSubmit={submit}>
      <textarea
        ref={inputRef}
        name="message"
        rows={1}
        aria-label={t('message')}
        placeholder={t('typeMessage')}
        maxLength={4000}
        value={view.draft}
        onInput={(event) => (view.draft.value = event.currentTarget.value)}
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
