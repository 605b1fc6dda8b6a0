import { useEffect, useRef, useState } from 'preact/hooks'
import type { CannedResponse, FilledCannedResponse } from '../../src/protocol/types'
import { FormError } from './form-error'
import { t } from './i18n'
import type { OperatorApi } from './operator-api'
import { useAction } from './use-action'

interface CannedReplyChooserProps {
  api: OperatorApi
  conversationId: string
  /** The conversation's brand: only its replies and the shared ones are offered. */
  brandId: string
  /** Puts the filled text into the reply box, where the operator can still edit it before sending. */
  onInsert(text: string): void
}

/**
 * A saved reply, filled by the server for this conversation (the contact's name, the brand's), shown
 * before it goes into the reply box. Fields the conversation has no value for are named as a warning.
 */
export function CannedReplyChooser({ api, conversationId, brandId, onInsert }: CannedReplyChooserProps) {
  const [replies, setReplies] = useState<CannedResponse[] | null>(null)
  const [chosenId, setChosenId] = useState('')
  const [filled, setFilled] = useState<FilledCannedResponse | null>(null)
  const request = useAction()
  // Only the latest choice may show: an earlier, slower answer is dropped.
  const latest = useRef('')

  useEffect(() => {
    void request.run(async () => setReplies(await api.cannedResponses('', brandId)))
  }, [api, brandId])

  function choose(id: string) {
    latest.current = id
    setChosenId(id)
    setFilled(null)
    if (!id) return
    void request.run(async () => {
      const answer = await api.fillCannedResponse(id, conversationId)
      if (latest.current === id) setFilled(answer)
    })
  }

  return (
    <div class="canned-chooser">
      <label for="canned-choice">{t('cannedReply')}</label>
      <select id="canned-choice" value={chosenId} disabled={!replies?.length} onChange={(e) => choose(e.currentTarget.value)}>
        <option value="">
          {t(!replies ? 'loadingOption' : replies.length === 0 ? 'noCannedRepliesOption' : 'chooseCannedReply')}
        </option>
        {replies?.map((reply) => (
          <option key={reply.id} value={reply.id}>
            {reply.name}
          </option>
        ))}
      </select>
      <FormError message={request.error} />
      {filled && (
        <section class="canned-preview" aria-label={t('cannedReplyPreview')}>
          <p class="canned-text" dir="auto">
            {filled.text}
          </p>
          {filled.missing.length > 0 && (
            <p class="warning">{t('cannedMissing', { fields: filled.missing.map((field) => `{{${field}}}`).join(', ') })}</p>
          )}
          <button
            type="button"
            onClick={() => {
              onInsert(filled.text)
              choose('')
            }}
          >
            {t('insertIntoReply')}
          </button>
        </section>
      )}
    </div>
  )
}
