import { useState } from 'preact/hooks'
import { t } from './i18n'

/** The operator token; applied on submit so the stream does not reconnect on every keystroke. */
export function TokenForm({ token, onChange }: { token: string; onChange(token: string): void }) {
  const [draft, setDraft] = useState(token)
  return (
    <form
      class="token-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (draft.trim()) onChange(draft.trim())
      }}
    >
      <label for="operator-token">{t('operatorToken')}</label>
      <input
        id="operator-token"
        value={draft}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => setDraft(event.currentTarget.value)}
      />
      <button type="submit" disabled={!draft.trim() || draft.trim() === token}>
        {t('useToken')}
      </button>
    </form>
  )
}
