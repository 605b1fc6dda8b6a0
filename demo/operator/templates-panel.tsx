import { useEffect, useState } from 'preact/hooks'
import type { Brand, MessageTemplate } from '../../src/protocol/types'
import { FormError } from './form-error'
import { t } from './i18n'
import type { DemoControls } from './mock-api'
import type { OperatorApi, TemplateInput } from './operator-api'
import { TemplateEditor } from './template-editor'
import { TemplateRow } from './template-row'
import { useAction } from './use-action'

interface TemplatesPanelProps {
  api: OperatorApi
  /** The demo's stand-in for Meta's review, outside the operator API: the admin's alone, null for an agent. */
  demo: DemoControls | null
  /** Submitting for review speaks for the business to Meta: the admin's alone. */
  canSubmit: boolean
  brands: Brand[]
  /** The sidebar's brand filter: '' for every brand. */
  brandFilter: string
}

/** Which template the editor is open on: none, a new one, or an existing one. */
type Editing = null | 'new' | MessageTemplate

/** The WhatsApp templates of the filtered brand (or all): their review status, an editor, the actions. */
export function TemplatesPanel({ api, demo, canSubmit, brands, brandFilter }: TemplatesPanelProps) {
  const [templates, setTemplates] = useState<MessageTemplate[] | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const action = useAction()
  const brandNames = Object.fromEntries(brands.map((b) => [b.id, b.name]))

  // Every action reloads the list: the server's answer is what the badge must show.
  const reload = () => api.templates(brandFilter).then((list) => setTemplates(sortByName(list)))
  useEffect(() => {
    setTemplates(null)
    void action.run(reload)
  }, [api, brandFilter])

  async function save(input: TemplateInput) {
    if (editing === 'new') await api.createTemplate(input)
    else if (editing) await api.editTemplate(editing.id, withoutBrand(input))
    setEditing(null)
    await reload()
  }

  const act = (request: () => Promise<unknown>) => void action.run(async () => (await request(), await reload()))

  return (
    <section class="templates-panel" aria-labelledby="templates-title">
      <div class="panel-list">
        <div class="panel-heading">
          <h2 id="templates-title">{t('templatesTitle')}</h2>
          <button type="button" onClick={() => setEditing('new')}>
            {t('newTemplate')}
          </button>
        </div>
        <p class="hint">
          {brandFilter ? t('brandFilterOne', { brand: brandNames[brandFilter] ?? brandFilter }) : t('brandFilterAll')}
        </p>
        {!canSubmit && <p class="hint">{t('submitAdminOnly')}</p>}
        <FormError message={action.error} />
        {!templates ? (
          <p class="empty">{t('loadingTemplates')}</p>
        ) : templates.length === 0 ? (
          <p class="empty">{t('noTemplates')}</p>
        ) : (
          <ul class="template-list">
            {templates.map((template) => (
              <li key={template.id}>
                <TemplateRow
                  template={template}
                  brandName={brandNames[template.brandId] ?? template.brandId}
                  busy={action.busy}
                  onEdit={() => setEditing(template)}
                  onSubmit={canSubmit ? () => act(() => api.submitTemplate(template.id)) : null}
                  onDelete={() =>
                    act(async () => {
                      await api.deleteTemplate(template.id)
                      if (editing !== 'new' && editing?.id === template.id) setEditing(null)
                    })
                  }
                  onReview={demo && ((decision, reason) => act(() => demo.reviewTemplate(template.id, decision, reason)))}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="panel-detail">
        {editing ? (
          <TemplateEditor
            // A fresh form for each template opened, and again for a new one.
            key={editing === 'new' ? 'new' : editing.id}
            brands={brands}
            template={editing === 'new' ? null : editing}
            brandId={brandFilter || brands[0]?.id || ''}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <p class="empty">{t('chooseTemplateToEdit')}</p>
        )}
      </div>
    </section>
  )
}

function sortByName(templates: MessageTemplate[]): MessageTemplate[] {
  return [...templates].sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language))
}

/** A template's brand is fixed once created; the edit body leaves it out. */
function withoutBrand({ brandId: _brandId, ...rest }: TemplateInput): Omit<TemplateInput, 'brandId'> {
  return rest
}
