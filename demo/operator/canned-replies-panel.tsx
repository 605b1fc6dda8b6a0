import { useEffect, useRef, useState } from 'preact/hooks'
import type { Brand, CannedResponse } from '../../src/protocol/types'
import { CannedReplyEditor } from './canned-reply-editor'
import { FormError } from './form-error'
import { t } from './i18n'
import type { CannedReplyInput, OperatorApi } from './operator-api'
import { useAction } from './use-action'

/** Which reply the editor is open on: none, a new one, or an existing one. */
type Editing = null | 'new' | CannedResponse

interface CannedRepliesPanelProps {
  api: OperatorApi
  /** The operator's brands, which its replies may be for. */
  brands: Brand[]
  /** Making and changing replies shared by every brand is the admin's; an agent only uses them. */
  canShare: boolean
}

/** Saved replies: search by name, create, edit, delete. Conversations use them from the composer. */
export function CannedRepliesPanel({ api, brands, canShare }: CannedRepliesPanelProps) {
  const brandNames = Object.fromEntries(brands.map((b) => [b.id, b.name]))
  const [query, setQuery] = useState('')
  const [replies, setReplies] = useState<CannedResponse[] | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const action = useAction()
  // Searching while typing: only the answer for the latest query may show.
  const latestQuery = useRef(query)
  latestQuery.current = query

  const reload = async () => {
    const asked = query
    const found = await api.cannedResponses(asked.trim())
    if (latestQuery.current === asked) setReplies(found)
  }
  useEffect(() => {
    void action.run(reload)
  }, [api, query])

  async function save(input: CannedReplyInput) {
    if (editing === 'new') await api.createCannedResponse(input)
    else if (editing) await api.editCannedResponse(editing.id, input)
    setEditing(null)
    await reload()
  }

  return (
    <section class="canned-panel" aria-labelledby="canned-title">
      <div class="panel-list">
        <div class="panel-heading">
          <h2 id="canned-title">{t('viewCanned')}</h2>
          <button type="button" onClick={() => setEditing('new')}>
            {t('newCannedReply')}
          </button>
        </div>
        <div class="panel-search">
          <label for="canned-search">{t('searchByName')}</label>
          <input id="canned-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <FormError message={action.error} />
        {!replies ? (
          <p class="empty">{t('loadingCannedReplies')}</p>
        ) : replies.length === 0 ? (
          <p class="empty">{t(query.trim() ? 'noCannedMatch' : 'noCannedReplies')}</p>
        ) : (
          <ul class="canned-list">
            {replies.map((reply) => (
              <li key={reply.id}>
                <article class="canned-row" aria-label={reply.name}>
                  <p class="template-name" dir="auto">
                    {reply.name}
                  </p>
                  <p class="template-row-meta">{reply.brandId === null ? t('sharedReply') : (brandNames[reply.brandId] ?? reply.brandId)}</p>
                  <p class="canned-text" dir="auto">
                    {reply.text}
                  </p>
                  {/* A shared reply is the admin's to change; an agent only uses it. */}
                  {(reply.brandId !== null || canShare) && (
                    <div class="actions">
                      <button type="button" class="secondary" disabled={action.busy} onClick={() => setEditing(reply)}>
                        {t('edit')}
                      </button>
                      <button
                        type="button"
                        class="secondary danger"
                        disabled={action.busy}
                        onClick={() =>
                          void action.run(async () => {
                            await api.deleteCannedResponse(reply.id)
                            if (editing !== 'new' && editing?.id === reply.id) setEditing(null)
                            await reload()
                          })
                        }
                      >
                        {t('delete')}
                      </button>
                    </div>
                  )}
                </article>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="panel-detail">
        {editing ? (
          <CannedReplyEditor
            key={editing === 'new' ? 'new' : editing.id}
            reply={editing === 'new' ? null : editing}
            brands={brands}
            canShare={canShare}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <p class="empty">{t('chooseCannedToEdit')}</p>
        )}
      </div>
    </section>
  )
}
