import { useState } from 'preact/hooks'
import type { Brand, CannedResponse } from '../../src/protocol/types'
import { FormError } from './form-error'
import { t } from './i18n'
import type { CannedReplyInput } from './operator-api'
import { useAction } from './use-action'

interface CannedReplyEditorProps {
  /** The reply being edited; null creates one. */
  reply: CannedResponse | null
  /** The brands a new reply may be for (the operator's). */
  brands: Brand[]
  /** Whether "every brand" is offered: shared replies are the admin's. */
  canShare: boolean
  /** Rejects with the server's refusal (a taken name, an empty text), shown next to the fields. */
  onSave(input: CannedReplyInput): Promise<unknown>
  onCancel(): void
}

/** The select's value for a shared reply. */
const SHARED = ''

/** Name and text of a saved reply; the text may carry the merge fields the server fills per conversation. */
export function CannedReplyEditor({ reply, brands, canShare, onSave, onCancel }: CannedReplyEditorProps) {
  const [name, setName] = useState(reply?.name ?? '')
  const [text, setText] = useState(reply?.text ?? '')
  // A new reply is shared when the admin makes it, else for the agent's first brand; the brand of one made stays.
  const [brandId, setBrandId] = useState(canShare ? SHARED : (brands[0]?.id ?? SHARED))
  const save = useAction()
  return (
    <form
      class="canned-editor"
      aria-label={reply ? t('editCannedReplyNamed', { name: reply.name }) : t('newCannedReply')}
      onSubmit={(event) => {
        event.preventDefault()
        if (!save.busy) void save.run(() => onSave(reply ? { name: name.trim(), text } : { name: name.trim(), text, brandId: brandId || null }))
      }}
    >
      <h3>{reply ? t('editNamed', { name: reply.name }) : t('newCannedReply')}</h3>
      <div class="field">
        <label for="canned-name">{t('name')}</label>
        <input id="canned-name" value={name} required maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      {!reply && (
        <div class="field">
          <label for="canned-brand">{t('brand')}</label>
          <select id="canned-brand" value={brandId} onChange={(e) => setBrandId(e.currentTarget.value)}>
            {canShare && <option value={SHARED}>{t('everyBrand')}</option>}
            {brands.map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="canned-text">{t('text')}</label>
        <textarea
          id="canned-text"
          rows={4}
          value={text}
          required
          aria-describedby="canned-text-hint"
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <p id="canned-text-hint" class="hint">
          {t('cannedHint', { fields: '{{contact.first_name}}, {{contact.name}}, {{brand.name}}' })}
        </p>
      </div>
      <FormError message={save.error} />
      <div class="actions">
        <button type="submit" disabled={save.busy || !name.trim() || !text.trim()}>
          {t(reply ? 'saveChanges' : 'createCannedReply')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}
