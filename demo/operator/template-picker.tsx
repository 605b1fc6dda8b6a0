import { useEffect, useState } from 'preact/hooks'
import type { ConversationSummary, Message, MessageTemplate } from '../../src/protocol/types'
import { FormError } from './form-error'
import { t } from './i18n'
import type { OperatorApi } from './operator-api'
import { bodyParameters, componentOf, dynamicUrlButton, previewTemplate, sendTemplateBody } from './template-preview'
import { TemplateView } from './template-view'
import { useAction } from './use-action'

interface TemplatePickerProps {
  api: OperatorApi
  conversation: ConversationSummary
  /** The sent message, to add to the thread like a reply. */
  onSent(message: Message): void
}

/**
 * Sends an approved template of the conversation's brand: one field per body parameter, a live
 * preview of the message as typed, then Send. On WhatsApp this works outside the 24-hour window too.
 */
export function TemplatePicker({ api, conversation, onSent }: TemplatePickerProps) {
  const [templates, setTemplates] = useState<MessageTemplate[] | null>(null)
  const [templateId, setTemplateId] = useState('')
  const [values, setValues] = useState<Record<string, string>>({})
  const [urlSuffix, setUrlSuffix] = useState('')
  const load = useAction()
  const send = useAction()

  useEffect(() => {
    void load.run(async () => {
      const approved = (await api.templates(conversation.brandId)).filter((t) => t.status === 'APPROVED')
      setTemplates(approved)
      setTemplateId((current) => (approved.some((t) => t.id === current) ? current : (approved[0]?.id ?? '')))
    })
  }, [api, conversation.brandId])

  const template = templates?.find((t) => t.id === templateId) ?? null
  const body = template ? componentOf(template, 'BODY') : undefined
  const parameters = template ? bodyParameters(body?.text ?? '', template.parameterFormat) : []
  const urlButton = template ? dynamicUrlButton(template) : null
  const complete = parameters.every((name) => values[name]?.trim()) && (!urlButton || urlSuffix.trim())

  function choose(id: string) {
    setTemplateId(id)
    setValues({})
    setUrlSuffix('')
    send.clearError()
  }

  return (
    <form
      class="template-picker"
      aria-label={t('sendTemplateForm')}
      onSubmit={(event) => {
        event.preventDefault()
        if (!template || !complete || send.busy) return
        void send.run(async () => {
          onSent(await api.sendTemplate(conversation.id, sendTemplateBody(template, values, urlSuffix)))
          setValues({})
          setUrlSuffix('')
        })
      }}
    >
      <div class="field">
        <label for="template-choice">{t('template')}</label>
        <select id="template-choice" value={templateId} disabled={!templates?.length} onChange={(e) => choose(e.currentTarget.value)}>
          {!templates && <option value="">{t('loadingOption')}</option>}
          {templates?.length === 0 && <option value="">{t('noApprovedTemplates')}</option>}
          {templates?.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.language}, {t.category})
            </option>
          ))}
        </select>
      </div>
      <FormError message={load.error} />
      {template && (
        <>
          {parameters.map((name, index) => (
            <div class="field" key={`${template.id}-${name}`}>
              <label for={`template-param-${name}`}>{t('valueFor', { field: `{{${name}}}` })}</label>
              <input
                id={`template-param-${name}`}
                value={values[name] ?? ''}
                placeholder={exampleOf(template, name, index)}
                onInput={(e) => setValues((known) => ({ ...known, [name]: e.currentTarget.value }))}
              />
            </div>
          ))}
          {urlButton && (
            <div class="field">
              <label for="template-url-suffix">{t('linkEnding', { button: urlButton.text })}</label>
              <input
                id="template-url-suffix"
                value={urlSuffix}
                placeholder={urlButton.example?.[0]}
                aria-describedby="template-url-base"
                onInput={(e) => setUrlSuffix(e.currentTarget.value)}
              />
              <p id="template-url-base" class="hint">
                {t('replacesIn', { placeholder: '{{1}}', url: urlButton.url })}
              </p>
            </div>
          )}
          {parameters.length > 0 && (
            <p class="hint">{t('mergeFieldsHint', { field: '{{contact.first_name}}' })}</p>
          )}
          <section class="template-preview" aria-label={t('templatePreview')}>
            <TemplateView template={previewTemplate(template, values, urlSuffix)} />
          </section>
        </>
      )}
      <FormError message={send.error} />
      <button type="submit" disabled={!template || !complete || send.busy}>
        {t('sendTemplate')}
      </button>
    </form>
  )
}

/** The example the template was reviewed with, as a hint of what a value looks like. */
function exampleOf(template: MessageTemplate, name: string, index: number): string | undefined {
  const example = componentOf(template, 'BODY')?.example
  return template.parameterFormat === 'POSITIONAL'
    ? example?.body_text?.[0]?.[index]
    : example?.body_text_named_params?.find((p) => p.param_name === name)?.example
}
